package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A write answered 201 is never lost: PostgreSQL killed with SIGKILL mid-stream, restarted, every
 * acknowledged write is there.
 */
class DurabilityIT extends DeployedRegistry {
    private static final int WRITERS = 4;

    private final String tenant = Api.freshTenant();
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));

    @Test
    void
            givenAdminsCreatingMappings_whenPostgresIsKilledAndRestarted_thenEveryAcknowledgedCreationIsStillThere()
                    throws Exception {
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger next = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            writers.execute(
                    () -> {
                        while (writing.get()) {
                            int n = next.incrementAndGet();
                            try {
                                Api.Reply created =
                                        admin.post(
                                                "/dcl/mappings",
                                                mappingJson(
                                                        "salesforce",
                                                        "Account",
                                                        "Field" + n,
                                                        "account",
                                                        "f" + n));
                                if (created.status() == 201) {
                                    acknowledged.add(created.json().getString("id"));
                                }
                            } catch (IllegalStateException connectionLost) {
                                // not acknowledged: nothing is promised about it
                            }
                        }
                    });
        }
        Awaitility.await("150 creations acknowledged")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> acknowledged.size() >= 150);
        int beforeKill = acknowledged.size();
        TestDatabase.kill();
        SecondNode.sleep(1000);
        writing.set(false);
        writers.shutdown();
        assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));
        TestDatabase.start();
        DatabaseOutageIT.awaitReady();

        List<String> lost = new ArrayList<>();
        for (String id : acknowledged) {
            int status = admin.get("/dcl/mappings/" + id).status();
            if (status != 200) {
                lost.add(id + " (" + status + ")");
            }
        }
        System.out.printf(
                "durability: %d creations acknowledged (%d before the SIGKILL), %d lost%n",
                acknowledged.size(), beforeKill, lost.size());
        assertTrue(
                beforeKill >= 100,
                "writes were being acknowledged when PostgreSQL was killed: " + beforeKill);
        assertEquals(List.of(), lost, "acknowledged creations missing after the restart");
    }
}
