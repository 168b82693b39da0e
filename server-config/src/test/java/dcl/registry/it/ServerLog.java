package dcl.registry.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The test server's messages.log, which is JSON as in production: one object a line. */
final class ServerLog {
    private ServerLog() {}

    static Path path() {
        return Path.of(
                System.getProperty("dcl.wlp.home"),
                "usr",
                "servers",
                "dcl-it",
                "logs",
                "messages.log");
    }

    static String text() {
        try {
            return Files.readString(path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line as a JSON object; a line that is not one fails the test, naming it. */
    static List<JsonObject> records() {
        List<JsonObject> records = new ArrayList<>();
        for (String line : text().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                records.add(Json.createReader(new StringReader(line)).readObject());
            } catch (JsonParsingException notJson) {
                throw new AssertionError("not a JSON line in " + path() + ": " + line, notJson);
            }
        }
        return records;
    }
}
