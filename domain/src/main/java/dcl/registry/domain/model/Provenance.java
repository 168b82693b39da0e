package dcl.registry.domain.model;

import java.util.Locale;

/** Where a mapping came from. */
public enum Provenance {
    ADMIN,
    YAML_IMPORT,
    PROPOSAL,
    DRIFT_REPAIR,
    RESTORE;

    /** The wire form: {@code yaml-import}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
