package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.TransformSpec;
import dcl.registry.domain.error.Violations;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingReplacement;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.StatedIdentity;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PUT /dcl/mappings/{id}}, and what a merge patch must leave: the mapping's
 * representation as {@code GET} returns it, or just the changeable fields, plus an optional {@code
 * reason}.
 *
 * <ul>
 *   <li>changeable: {@code canonicalEntity}, {@code canonicalField}, {@code transform} (absent or
 *       null: copy as is), {@code confidence} (absent or null: 1.0);
 *   <li>identity: {@code id}, {@code connector}, {@code sourceTable}, {@code sourceField} may be
 *       sent; each must be the stored one (the table compared case-insensitively), else a 400 names
 *       it;
 *   <li>read-only: {@code status}, {@code version}, {@code provenance}, {@code createdAt}, {@code
 *       updatedAt}, {@code updatedBy} are accepted and ignored: the service sets them, and {@code
 *       If-Match} (not the body's {@code version}) says which version the change is based on.
 * </ul>
 */
public record UpdateMappingRequest(
        @Schema(description = "Identity, optional: must be the mapping's id (the one in the path)")
                String id,
        @Schema(description = "Identity, optional: must be the stored connector") String connector,
        @Schema(
                        description =
                                "Identity, optional: must be the stored table (compared"
                                        + " case-insensitively)")
                String sourceTable,
        @Schema(description = "Identity, optional: must be the stored field (compared exactly)")
                String sourceField,
        String canonicalEntity,
        String canonicalField,
        @Schema(description = "Absent or null: values are copied as they are")
                TransformSpec transform,
        @Schema(description = "Absent or null: 1.0, a human decision") Double confidence,
        @Schema(description = "Read-only: ignored") String status,
        @Schema(
                        description =
                                "Read-only: ignored (If-Match names the version the change is based"
                                        + " on)")
                Long version,
        @Schema(description = "Read-only: ignored") String provenance,
        @Schema(description = "Read-only: ignored") String createdAt,
        @Schema(description = "Read-only: ignored") String updatedAt,
        @Schema(description = "Read-only: ignored") String updatedBy,
        @Schema(description = "Why, for the audit trail") String reason) {

    /**
     * The whole new content, with the identity it restates; every invalid field is listed at once.
     */
    MappingReplacement toReplacement() {
        Violations v = new Violations();
        StatedIdentity identity =
                new StatedIdentity(
                        stated(v, id, MappingId::parse),
                        stated(v, connector, ConnectorId::new),
                        stated(v, sourceTable, SourceTable::new),
                        stated(v, sourceField, SourceField::new));
        var target = MappingBody.target(v, canonicalEntity, canonicalField);
        var parsedTransform = MappingBody.transform(v, transform);
        var parsedConfidence = MappingBody.confidence(v, confidence);
        var parsedReason = MappingBody.reason(v, reason);
        v.throwIfAny();
        return new MappingReplacement(
                identity, target, parsedTransform, parsedConfidence, parsedReason);
    }

    private static <T> Optional<T> stated(Violations v, String value, Function<String, T> parse) {
        return value == null
                ? Optional.empty()
                : Optional.ofNullable(v.check(() -> parse.apply(value)));
    }
}
