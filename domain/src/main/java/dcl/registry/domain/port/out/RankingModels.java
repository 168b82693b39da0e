package dcl.registry.domain.port.out;

import dcl.registry.domain.intelligence.RankingModel;
import dcl.registry.domain.model.TenantId;

/**
 * The re-ranker a tenant's proposals are weighed with: its own once learned, else the global one.
 */
public interface RankingModels {
    RankingModel modelFor(TenantId tenant);
}
