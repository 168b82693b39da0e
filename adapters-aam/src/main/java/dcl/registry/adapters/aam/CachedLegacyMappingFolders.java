package dcl.registry.adapters.aam;

import dcl.registry.domain.legacy.AcceptedEntry;
import dcl.registry.domain.legacy.LegacyEntry;
import dcl.registry.domain.legacy.LegacyEntryRules;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.port.out.LegacyMappingFiles;
import dcl.registry.domain.port.out.LegacyMappingFolders;
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
 * The accepted entries of a legacy YAML folder, indexed by identity, kept in memory and re-read
 * when older than the refresh interval.
 */
public class CachedLegacyMappingFolders implements LegacyMappingFolders {
    private final LegacyMappingFiles files;
    private final Duration refresh;
    private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();

    public CachedLegacyMappingFolders(LegacyMappingFiles files, Duration refresh) {
        this.files = files;
        this.refresh = refresh;
    }

    @Override
    public Optional<AcceptedEntry> find(Path folder, SourceRef source) {
        return Optional.ofNullable(index(folder).byIdentity().get(key(source)));
    }

    @Override
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

    @Override
    public long loadedAtMillis(Path folder) {
        return index(folder).loadedAtMillis();
    }

    /** Reads the folder afresh, without caching: a missing folder throws. */
    @Override
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
