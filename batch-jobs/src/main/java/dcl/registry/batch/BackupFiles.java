package dcl.registry.batch;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The backup format: per table a gzip-compressed JSON Lines file, and a manifest.json with each
 * file's record count and the SHA-256 of its uncompressed content.
 */
final class BackupFiles {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String MANIFEST = "manifest.json";
    static final int FORMAT = 1;

    private BackupFiles() {}

    static String fileOf(String table) {
        return table + ".jsonl.gz";
    }

    /** Writes lines to a gzip file and returns their SHA-256 (of the uncompressed bytes). */
    static final class LineWriter implements AutoCloseable {
        private final Writer out;
        private final MessageDigest digest = sha256();

        LineWriter(Path file) throws IOException {
            out =
                    new BufferedWriter(
                            new OutputStreamWriter(
                                    new GZIPOutputStream(Files.newOutputStream(file)),
                                    StandardCharsets.UTF_8));
        }

        void line(String line) {
            try {
                byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
                digest.update(bytes);
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        String sha256Hex() {
            return HexFormat.of().formatHex(digest.digest());
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Opens a backup file's lines (decompressing). */
    static BufferedReader lines(Path file) throws IOException {
        return new BufferedReader(
                new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8));
    }

    /** Reads the whole file: its record count and checksum; a truncated or corrupt file throws. */
    static long[] verify(Path file, String expectedSha256, long expectedRecords)
            throws IOException {
        MessageDigest digest = sha256();
        long records = 0;
        try (BufferedReader reader = lines(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                records++;
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expectedSha256)) {
            throw new BackupRejected(
                    file.getFileName()
                            + ": checksum mismatch (manifest "
                            + expectedSha256
                            + ", file "
                            + actual
                            + ")");
        }
        if (records != expectedRecords) {
            throw new BackupRejected(
                    file.getFileName()
                            + ": "
                            + records
                            + " records, the manifest says "
                            + expectedRecords);
        }
        return new long[] {records};
    }

    static JsonObject manifest(Path folder) throws IOException {
        Path manifest = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new BackupRejected(
                    "no " + MANIFEST + " in " + folder.getFileName() + ": not a backup folder");
        }
        try (var reader = JSON.createReader(Files.newBufferedReader(manifest))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new BackupRejected(MANIFEST + " is not valid JSON: " + e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A backup that cannot be restored: the message says why. */
    static final class BackupRejected extends RuntimeException {
        BackupRejected(String message) {
            super(message);
        }
    }
}
