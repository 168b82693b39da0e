package dcl.registry.domain.error;

import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceRef;
import java.util.Optional;

/** A mapping with the same identity (table compared case-insensitively) exists already. */
public final class DuplicateMapping extends DomainException {
    private final Optional<MappingId> existingId;

    public DuplicateMapping(FieldMapping existing) {
        super(
                "A mapping for "
                        + existing.source()
                        + " already exists (id "
                        + existing.id()
                        + ", version "
                        + existing.version()
                        + "); the table name is compared case-insensitively. To change it, use PUT"
                        + " /dcl/mappings/"
                        + existing.id()
                        + " with If-Match: \""
                        + existing.version()
                        + "\".");
        this.existingId = Optional.of(existing.id());
    }

    /** Another writer created the same identity at the same moment. */
    public DuplicateMapping(SourceRef source) {
        super(
                "A mapping for "
                        + source
                        + " was created by someone else at the same moment; look it up and change"
                        + " it with PUT.");
        this.existingId = Optional.empty();
    }

    public Optional<MappingId> existingId() {
        return existingId;
    }
}
