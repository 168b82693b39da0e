package dcl.registry.adapters.rest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.adapters.rest.PageResponse;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.job.JobKind;
import dcl.registry.domain.job.JobProgress;
import dcl.registry.domain.job.JobRequest;
import dcl.registry.domain.job.JobView;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.RunJobsUseCase;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The jobs list: the caller's tenant and role go to the use case, each item as GET shows a job. */
class JobResourceTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final JobView JOB =
            new JobView(
                    104,
                    JobKind.YAML_IMPORT,
                    ACME,
                    "alice",
                    "STARTED",
                    Optional.of(Instant.parse("2026-11-25T10:00:00Z")),
                    Optional.empty(),
                    new JobProgress(10, 4, 1),
                    "{\"imported\":4}");

    private final RecordingJobs jobs = new RecordingJobs();

    @Test
    void
            givenAnAdmin_whenListingWithoutParameters_thenTheFirstPageOfItsTenantsJobsAsGetShowsThem() {
        PageResponse<JobResponse> page = resource(Roles.ADMIN).list(null, null);

        assertEquals(List.of(resource(Roles.ADMIN).get(104)), page.items());
        assertEquals("c2", page.next());
        assertEquals(ACME, jobs.tenant);
        assertEquals(false, jobs.operator);
        assertEquals(PageRequest.first(PageRequest.DEFAULT_LIMIT), jobs.page);
    }

    @Test
    void givenAnOperatorWithLimitAndCursor_whenListing_thenBothAndTheRoleReachTheUseCase() {
        resource(Roles.OPERATOR).list("5", "c1");

        assertEquals(true, jobs.operator);
        assertEquals(new PageRequest(5, Optional.of("c1")), jobs.page);
    }

    @Test
    void givenALimitThatIsNoWholeNumberOrTooLarge_whenListing_thenRefusedNamingLimit() {
        for (String limit : List.of("ten", "0", "1001")) {
            InvalidInput refused =
                    assertThrows(InvalidInput.class, () -> resource(Roles.ADMIN).list(limit, null));
            assertEquals("limit", refused.violations().get(0).field(), limit);
        }
        assertNull(jobs.page, "nothing was listed");
    }

    @SuppressWarnings("UnnecessaryAssignment") // outside CDI, the test injects
    private JobResource resource(String role) {
        JobResource resource = new JobResource();
        resource.jobs = jobs;
        resource.caller =
                new Caller() {
                    @Override
                    public TenantId tenant() {
                        return ACME;
                    }
                };
        resource.security = new InRole(role);
        return resource;
    }

    /** Answers every list with one job and remembers what it was asked. */
    private static final class RecordingJobs implements RunJobsUseCase {
        TenantId tenant;
        Boolean operator;
        PageRequest page;

        @Override
        public Page<JobView> recent(TenantId tenant, boolean operator, PageRequest page) {
            this.tenant = tenant;
            this.operator = operator;
            this.page = page;
            return new Page<>(List.of(JOB), Optional.of("c2"));
        }

        @Override
        public JobView view(TenantId tenant, boolean operator, long executionId) {
            return JOB;
        }

        @Override
        public long start(JobRequest request) {
            throw new UnsupportedOperationException("not started here");
        }

        @Override
        public long restart(TenantId tenant, boolean operator, long executionId) {
            throw new UnsupportedOperationException("not restarted here");
        }
    }

    /** A caller holding one role. */
    private record InRole(String role) implements SecurityContext {
        @Override
        public boolean isUserInRole(String name) {
            return role.equals(name);
        }

        @Override
        public Principal getUserPrincipal() {
            return () -> "alice";
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
