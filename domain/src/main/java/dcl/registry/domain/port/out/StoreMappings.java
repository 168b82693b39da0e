package dcl.registry.domain.port.out;

import dcl.registry.domain.model.FieldMapping;

/** Writes mappings. Only the admin write path (the application's write services) may use it. */
public interface StoreMappings {
    /**
     * Stores a new mapping.
     *
     * @throws dcl.registry.domain.error.DuplicateMapping when its identity is taken (a race lost)
     */
    FieldMapping insert(FieldMapping mapping);

    /**
     * Replaces the stored mapping of the same id with {@code next}, whose version is one above the
     * stored one.
     *
     * @throws dcl.registry.domain.error.StaleVersion when someone else changed it in between
     */
    FieldMapping update(FieldMapping next);
}
