package dcl.registry.adapters.rest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.job.JobKind;
import dcl.registry.domain.job.JobRequest;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartJobRequestTest {
    private static final TenantId TENANT = new TenantId("acme");
    private static final Actor ALICE = new Actor("alice");

    @Test
    void givenNoBody_whenParsed_thenTheJobStartsWithoutParameters() {
        JobRequest request =
                StartJobRequest.toJobRequest(null, "yaml-export", TENANT, ALICE, false);

        assertEquals(
                new JobRequest(
                        TENANT,
                        ALICE,
                        false,
                        JobKind.parse("yaml-export"),
                        Optional.empty(),
                        false,
                        false),
                request);
    }

    @Test
    void givenParameters_whenParsed_thenTheJobGetsThem() {
        JobRequest request =
                StartJobRequest.toJobRequest(
                        new StartJobRequest("exports/today", true, true),
                        "backup",
                        TENANT,
                        ALICE,
                        true);

        assertEquals(Optional.of("exports/today"), request.path());
        assertEquals(true, request.dryRun());
        assertEquals(true, request.allTenants());
        assertEquals(true, request.operator());
    }

    @Test
    void givenAnUnknownJob_whenParsed_thenItIsRefused() {
        assertThrows(
                InvalidInput.class,
                () -> StartJobRequest.toJobRequest(null, "defrag", TENANT, ALICE, false));
    }
}
