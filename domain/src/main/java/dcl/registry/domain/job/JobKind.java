package dcl.registry.domain.job;

import dcl.registry.domain.error.InvalidInput;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The jobs the registry runs, by their wire name. */
public enum JobKind {
    YAML_IMPORT("yaml-import"),
    PARITY_CHECK("parity-check"),
    YAML_EXPORT("yaml-export"),
    BACKUP("backup"),
    RESTORE("restore");

    private final String wireName;

    JobKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the job reads what is at its path (the others write there). */
    public boolean readsItsPath() {
        return this == YAML_IMPORT || this == PARITY_CHECK || this == RESTORE;
    }

    public static JobKind parse(String name) {
        return Arrays.stream(values())
                .filter(k -> k.wireName.equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new InvalidInput(
                                        "name",
                                        "unknown job '"
                                                + name
                                                + "'; jobs: "
                                                + Arrays.stream(values())
                                                        .map(JobKind::wireName)
                                                        .collect(Collectors.joining(", "))));
    }
}
