package dcl.registry.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A second Liberty server with the same WAR (dcl-it-b), clustered with the Arquillian-managed one
 * through the cache on loopback and sharing its PostgreSQL. Started and stopped with Liberty's own
 * {@code server} script.
 */
final class SecondNode implements AutoCloseable {
    static final int HTTP_PORT = Integer.getInteger("dcl.it.b.http.port", 19081);
    private static final String NAME = "dcl-it-b";
    private final Path wlp = Path.of(System.getProperty("dcl.wlp.home", "target/liberty/wlp"));

    /** Starts node B on the tests' main database. */
    static SecondNode start() {
        return start("dcl");
    }

    /**
     * Starts node B on a database of the test PostgreSQL (its database URL comes from the
     * environment).
     */
    static SecondNode start(String database) {
        return start(
                Map.of(
                        "DCL_DB_URL",
                        "jdbc:postgresql://localhost:" + TestDatabase.PORT + "/" + database));
    }

    /**
     * Starts node B in development mode on the main test database, with {@code environment} on top
     * (which may switch it to production mode with another issuer), and waits until it is ready.
     */
    static SecondNode start(Map<String, String> environment) {
        SecondNode node = new SecondNode();
        node.script("start", withDefaults(environment));
        node.awaitReady(Duration.ofMinutes(2));
        return node;
    }

    /** Development mode trusting the development key, as the Arquillian-managed node runs. */
    private static Map<String, String> withDefaults(Map<String, String> environment) {
        Map<String, String> all = new java.util.HashMap<>();
        all.put("DCL_MODE", "development");
        all.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
        all.put(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                Path.of(System.getProperty("dcl.dev.keys", "../bin/dev-keys"), "public.pem")
                        .toAbsolutePath()
                        .toString());
        all.put("MP_JWT_VERIFY_AUDIENCES", Tokens.AUDIENCE);
        all.put("DCL_DB_URL", "jdbc:postgresql://localhost:" + TestDatabase.PORT + "/dcl");
        all.putAll(environment);
        return all;
    }

    /**
     * Starts node B with extra environment that should stop the application from starting; returns
     * the node (to stop it) once its log shows the application failed.
     */
    static SecondNode startExpectingFailure(Map<String, String> environment) {
        SecondNode node = new SecondNode();
        node.clearLog();
        node.script("start", withDefaults(environment));
        Awaitility.await(NAME + " has tried to start the application")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () ->
                                node.log().contains("CWWKZ0002E")
                                        || node.log().contains("CWWKZ0001I"));
        return node;
    }

    /** What node B's messages.log says, JSON decoded ({@link ServerLog#messages}). */
    String log() {
        return ServerLog.messages(wlp.resolve("usr/servers/" + NAME + "/logs/messages.log"));
    }

    private void clearLog() {
        try {
            java.nio.file.Files.deleteIfExists(
                    wlp.resolve("usr/servers/" + NAME + "/logs/messages.log"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String base() {
        return "http://localhost:" + HTTP_PORT;
    }

    private void awaitReady(Duration limit) {
        Awaitility.await(
                        NAME
                                + " becomes ready (see "
                                + wlp.resolve("usr/servers/" + NAME + "/logs/messages.log")
                                + ")")
                .atMost(limit)
                .pollInterval(Duration.ofMillis(500))
                .ignoreException(IllegalStateException.class) // not listening yet
                .until(() -> Api.anonymous().at(base()).get("/health/ready").status() == 200);
    }

    @Override
    public void close() {
        script("stop");
    }

    /** Stops the node while it works, as an operator or a crash would. */
    void stopNow() {
        script("stop");
    }

    private void script(String action) {
        script(action, Map.of());
    }

    private void script(String action, Map<String, String> environment) {
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(wlp.resolve("bin/server").toString(), action, NAME);
            builder.environment().putAll(environment);
            Process process =
                    builder.redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                            .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)
                    || (process.exitValue() != 0 && !"stop".equals(action))) {
                throw new IllegalStateException("server " + action + " " + NAME + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
