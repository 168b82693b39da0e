package dcl.registry.application;

import dcl.registry.domain.error.InvalidInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Resolves a job's {@code path} inside the jobs root; anything that escapes it is refused. */
public final class JobPaths {
  private final Path root;

  public JobPaths(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path resolve(String path) {
    if (path == null || path.isBlank()) {
      throw new InvalidInput("path", "is required: a file or folder inside the jobs root");
    }
    Path resolved;
    try {
      Path given = Path.of(path);
      resolved = (given.isAbsolute() ? given : root.resolve(given)).normalize();
    } catch (InvalidPathException e) {
      throw new InvalidInput("path", "is not a valid path");
    }
    if (!resolved.startsWith(root) || !realLocation(resolved).startsWith(realLocation(root))) {
      throw new InvalidInput("path", "must stay inside the jobs root folder ('..', links and other absolute paths are refused)");
    }
    return resolved;
  }

  /** The real location of the path or, for a path still to be created, of its nearest existing ancestor. */
  private static Path realLocation(Path path) {
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      Path real = existing == null ? path : existing.toRealPath();
      return existing == null ? path : real.resolve(existing.relativize(path));
    } catch (IOException e) {
      throw new InvalidInput("path", "cannot be read: " + e.getMessage());
    }
  }
}
