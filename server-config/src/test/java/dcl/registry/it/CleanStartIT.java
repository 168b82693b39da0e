package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A start that went well says so and nothing more (docs/operations.md, "Start-up messages"): from
 * the test server's launch to the application's first start, its log holds no warning or error but
 * the development-mode warning the test server is meant to give, and the messages whose causes were
 * removed never come back.
 */
class CleanStartIT extends DeployedRegistry {
    /** Each message, with the cause that was removed. */
    private static final List<String> REMOVED =
            List.of(
                    "No SLF4J providers", // lib/global had slf4j-api without a provider
                    "ISPN000714", // Infinispan's metrics looked for Micrometer
                    "J2CA8050I", // the database user and password were set on the data sources
                    "J2CA0086I", // Flyway asked for two shareable connections at once
                    "Failed to detect GPU count"); // the tokenizer's GPU probe, on CUDA machines

    /** Liberty's level names, and those of libraries logging through JBoss Logging (WARN). */
    private static final Set<String> ALARMING =
            Set.of("WARNING", "WARN", "SEVERE", "ERROR", "FATAL", "SystemErr");

    /** The test server runs in development mode, which warns about itself at every start. */
    private static final String DEVELOPMENT_MODE = "DEVELOPMENT MODE:";

    @Test
    void givenTheServersLog_whenRead_thenNoneOfTheRemovedStartUpMessagesIsBack() {
        String log = ServerLog.text();
        for (String message : REMOVED) {
            assertFalse(log.contains(message), message + " is back in " + ServerLog.path());
        }
    }

    @Test
    void givenTheStartUpToTheApplicationsFirstStart_whenRead_thenOnlyTheDevelopmentModeWarning() {
        List<String> alarming = new ArrayList<>();
        boolean started = false;
        for (JsonObject line : ServerLog.records()) {
            if ("CWWKZ0001I".equals(line.getString("ibm_messageId", ""))) {
                started = true;
                break;
            }
            String message = line.getString("message", "");
            if (ALARMING.contains(line.getString("loglevel", ""))
                    && !message.startsWith(DEVELOPMENT_MODE)) {
                alarming.add(line.getString("loglevel") + " " + message);
            }
        }
        assertTrue(started, "the application's start is in " + ServerLog.path());
        assertEquals(List.of(), alarming, "alarming start-up lines in " + ServerLog.path());
    }
}
