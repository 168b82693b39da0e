package dcl.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.StaleVersion;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OwnWritesTest {
    @Test
    void givenAnotherWriteCameBetween_whenTheWorkRunsAgain_thenItsAnswerIsGiven() {
        AtomicInteger tries = new AtomicInteger();
        String answer =
                OwnWrites.retriedOnNewerVersion(
                        () -> {
                            if (tries.incrementAndGet() < 3) {
                                throw new StaleVersion(tries.get(), tries.get() + 1);
                            }
                            return "stored on version 3";
                        });
        assertEquals("stored on version 3", answer);
        assertEquals(3, tries.get());
    }

    @Test
    void givenWritesKeepComingBetween_whenTriedEveryTime_thenTheLastConflictIsAnswered() {
        AtomicInteger tries = new AtomicInteger();
        assertThrows(
                StaleVersion.class,
                () ->
                        OwnWrites.retriedOnNewerVersion(
                                () -> {
                                    tries.incrementAndGet();
                                    throw new StaleVersion(1, 2);
                                }));
        assertEquals(OwnWrites.ATTEMPTS, tries.get());
    }
}
