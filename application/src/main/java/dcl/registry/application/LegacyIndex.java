package dcl.registry.application;

import dcl.registry.domain.legacy.AcceptedEntry;
import dcl.registry.domain.legacy.LegacyEntry;
import dcl.registry.domain.legacy.LegacyEntryRules;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.port.out.LegacyMappingFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accepted entries of a legacy YAML folder, indexed by identity, re-read when older than the
 * refresh interval: what answers lookups while a tenant is rolled back to YAML, and what dual-read
 * compares against.
 */
public class LegacyIndex {
    private final LegacyMappingFiles files;
    private final Duration refresh;
    private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();

    public LegacyIndex(LegacyMappingFiles files, Duration refresh) {
        this.files = files;
        this.refresh = refresh;
    }

    public Optional<AcceptedEntry> find(Path folder, SourceRef source) {
        return Optional.ofNullable(index(folder).byIdentity().get(key(source)));
    }

    public List<AcceptedEntry> table(Path folder, SourceRef anyFieldOfTable) {
        String prefix =
                anyFieldOfTable.connector().value()
                        + "\u0000"
                        + anyFieldOfTable.table().key()
                        + "\u0000";
        return index(folder).byIdentity().entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** When the folder was last read (its entries' version for table ETags). */
    public long loadedAtMillis(Path folder) {
        return index(folder).loadedAtMillis();
    }

    /** Checks a folder can serve: exists and holds at least one readable mapping. */
    public int size(Path folder) {
        return read(folder).byIdentity().size();
    }

    private Loaded index(Path folder) {
        return loaded.compute(
                folder,
                (f, current) ->
                        current != null
                                        && System.currentTimeMillis() - current.loadedAtMillis()
                                                < refresh.toMillis()
                                ? current
                                : read(f));
    }

    private Loaded read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no legacy YAML folder at " + folder);
        }
        List<LegacyEntry> entries = new ArrayList<>();
        try (var listing = Files.list(folder)) {
            for (Path file :
                    listing.filter(
                                    p ->
                                            p.toString().endsWith(".yaml")
                                                    || p.toString().endsWith(".yml"))
                            .sorted()
                            .toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    entries.addAll(files.read(file.getFileName().toString(), in).entries());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, AcceptedEntry> byIdentity = new HashMap<>();
        for (LegacyEntryRules.Verdict verdict : LegacyEntryRules.judgeAll(entries)) {
            if (verdict instanceof LegacyEntryRules.Accepted accepted) {
                byIdentity.put(key(accepted.entry().source()), accepted.entry());
            }
        }
        return new Loaded(Map.copyOf(byIdentity), System.currentTimeMillis());
    }

    private static String key(SourceRef source) {
        return source.connector().value()
                + "\u0000"
                + source.table().key()
                + "\u0000"
                + source.field().name();
    }

    private record Loaded(Map<String, AcceptedEntry> byIdentity, long loadedAtMillis) {}
}
