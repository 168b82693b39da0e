package dcl.registry.domain.port.out;

import dcl.registry.domain.legacy.AcceptedEntry;
import dcl.registry.domain.model.SourceRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The accepted entries of a folder of legacy mapping files, by identity: what answers lookups while
 * a tenant is rolled back to the legacy files, and what dual-read compares against. Answers may lag
 * the files by the adapter's refresh interval.
 */
public interface LegacyMappingFolders {
    Optional<AcceptedEntry> find(Path folder, SourceRef source);

    /** The accepted entries of the table that {@code anyFieldOfTable} belongs to. */
    List<AcceptedEntry> table(Path folder, SourceRef anyFieldOfTable);

    /** When the folder was last read (its entries' version for table ETags). */
    long loadedAtMillis(Path folder);

    /** Checks a folder can serve, reading it now: how many accepted entries it holds. */
    int size(Path folder);
}
