package dcl.registry.application.archfixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A deliberate violation, for testing the infrastructure rule: the application listing a folder (as
 * LegacyIndex did).
 */
public class FolderReader {
    public long files(Path folder) throws IOException {
        try (var listing = Files.list(folder)) {
            return listing.count();
        }
    }
}
