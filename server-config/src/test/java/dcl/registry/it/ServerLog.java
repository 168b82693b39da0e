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

    /**
     * What the lines of any server's log say, decoded: each JSON line's message (Liberty's start
     * with their message id; a line that is not JSON as it is), so that tests look for text without
     * JSON's escapes.
     */
    static String messages(Path log) {
        if (!Files.exists(log)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try {
            for (String line : Files.readAllLines(log)) {
                try {
                    JsonObject record = Json.createReader(new StringReader(line)).readObject();
                    text.append(record.getString("message", ""));
                } catch (JsonParsingException notJson) {
                    text.append(line);
                }
                text.append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
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
