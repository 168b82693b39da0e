package dcl.registry.domain.port.in;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.FreeText;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.TenantId;
import java.util.Optional;

/**
 * An admin retires a mapping: it becomes DEPRECATED and stays in the history. Admin write path
 * only.
 */
public interface DeleteMappingUseCase {
    FieldMapping delete(DeleteMapping command);

    /**
     * The reason is free text (at most {@value FreeText#MAX_LENGTH} characters); blank counts as
     * none.
     */
    record DeleteMapping(
            TenantId tenant,
            Actor actor,
            MappingId id,
            Optional<Long> expectedVersion,
            Optional<String> reason) {
        public DeleteMapping {
            reason = FreeText.optional("reason", reason);
        }
    }
}
