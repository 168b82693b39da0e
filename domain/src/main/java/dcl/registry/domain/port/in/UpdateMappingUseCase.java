package dcl.registry.domain.port.in;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingReplacement;
import dcl.registry.domain.model.TenantId;
import java.util.Optional;

/**
 * An admin changes a mapping's content (target, transform, confidence), based on the version they
 * read: a whole replacement (PUT) or an edit of the current content (PATCH), stored as a new
 * audited version either way. The identity never changes. Admin write path only.
 */
public interface UpdateMappingUseCase {
    FieldMapping update(UpdateMapping command);

    /**
     * Derives the replacement from the current mapping, read in the write's own transaction at the
     * expected version: a PUT ignores it, a PATCH applies itself to it.
     */
    @FunctionalInterface
    interface MappingEdit {
        /**
         * @throws dcl.registry.domain.error.InvalidInput when the edit does not give a valid
         *     replacement
         */
        MappingReplacement applyTo(FieldMapping current);
    }

    record UpdateMapping(
            TenantId tenant,
            Actor actor,
            MappingId id,
            Optional<Long> expectedVersion,
            MappingEdit edit) {
        public UpdateMapping {
            if (tenant == null
                    || actor == null
                    || id == null
                    || expectedVersion == null
                    || edit == null) {
                throw new IllegalArgumentException(
                        "tenant, actor, id, expectedVersion and edit are required");
            }
        }

        /** A whole replacement, whatever the current content is. */
        public static UpdateMapping replacing(
                TenantId tenant,
                Actor actor,
                MappingId id,
                Optional<Long> expectedVersion,
                MappingReplacement replacement) {
            return new UpdateMapping(tenant, actor, id, expectedVersion, current -> replacement);
        }
    }
}
