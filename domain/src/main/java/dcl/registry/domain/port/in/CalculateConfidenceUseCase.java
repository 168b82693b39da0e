package dcl.registry.domain.port.in;

import dcl.registry.domain.intelligence.ConfidenceAssessment;
import dcl.registry.domain.intelligence.ValidationResults;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.TenantId;

/**
 * Scores a mapping's confidence from its provenance and the runtime's observations, and stores the
 * score.
 */
public interface CalculateConfidenceUseCase {
    ConfidenceAssessment calculate(
            TenantId tenant, Actor actor, MappingId mapping, ValidationResults results);
}
