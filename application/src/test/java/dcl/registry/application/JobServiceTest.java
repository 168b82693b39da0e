package dcl.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.JobNotFound;
import dcl.registry.domain.job.JobKind;
import dcl.registry.domain.job.JobParameters;
import dcl.registry.domain.job.JobProgress;
import dcl.registry.domain.job.JobRecord;
import dcl.registry.domain.job.JobRequest;
import dcl.registry.domain.job.JobView;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.JobRecords;
import dcl.registry.domain.port.out.JobRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following jobs: one job, and the list of recent ones, as a tenant (or an operator) may see. */
class JobServiceTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final FakeRunner runner = new FakeRunner();
    private final FakeRecords records = new FakeRecords();
    @TempDir Path root;
    private JobService jobs;

    @BeforeEach
    void jobsFolderWithALegacyFolder() throws IOException {
        Files.createDirectories(root.resolve("acme").resolve("legacy"));
        jobs = new JobService(runner, records, new JobPaths(root));
    }

    @Test
    void givenTwoTenantsJobs_whenEachListsItsRecentJobs_thenNeitherSeesTheOthers() {
        job(101, 1, "acme", false);
        job(102, 2, "globex", false);
        job(103, 3, "acme", false);

        assertEquals(List.of(103L, 101L), executions(jobs.recent(ACME, false, all())));
        assertEquals(List.of(102L), executions(jobs.recent(GLOBEX, false, all())));
        assertEquals(
                List.of(),
                executions(jobs.recent(new TenantId("initech"), true, all())),
                "an operator of another tenant sees no tenant's jobs either");
        assertThrows(JobNotFound.class, () -> jobs.view(GLOBEX, false, 101));
    }

    @Test
    void givenAJobOverAllTenants_whenListed_thenOnlyOperatorsSeeIt() {
        job(101, 1, "acme", false);
        job(102, 2, JobParameters.ALL_TENANTS_OWNER, true);

        assertEquals(List.of(101L), executions(jobs.recent(ACME, false, all())));
        assertEquals(List.of(102L, 101L), executions(jobs.recent(ACME, true, all())));
    }

    @Test
    void givenARestartedJob_whenListed_thenOnceAsOfItsLatestExecutionAsViewShowsIt() {
        job(101, 1, "acme", false);
        runner.add(run(104, 1, "acme", false, "STARTED"));

        Page<JobView> page = jobs.recent(ACME, false, all());

        assertEquals(List.of(jobs.view(ACME, false, 104)), page.items());
        JobView restarted = page.items().get(0);
        assertEquals("STARTED", restarted.status());
        assertEquals(new JobProgress(10, 4, 1), restarted.progress());
        assertEquals("{\"imported\":4}", restarted.reportJson());
        assertEquals("alice", restarted.startedBy());
        assertEquals(JobKind.YAML_IMPORT, restarted.kind());
    }

    @Test
    void givenMoreJobsThanAPage_whenPagedThrough_thenEveryJobOnceNewestFirst() {
        job(101, 1, "acme", false);
        job(102, 2, "acme", false);
        job(103, 3, "acme", false);

        Page<JobView> first = jobs.recent(ACME, false, PageRequest.first(2));
        Page<JobView> second =
                jobs.recent(
                        ACME, false, new PageRequest(2, Optional.of(first.next().orElseThrow())));

        assertEquals(List.of(103L, 102L), executions(first));
        assertEquals(List.of(101L), executions(second));
        assertEquals(Optional.empty(), second.next());
    }

    @Test
    void givenRecordsWithoutAVisibleRun_whenListed_thenLeftOutAndTheCursorStillFollows() {
        job(101, 1, "acme", false);
        records.save(record(2, "acme"));
        job(103, 3, "acme", false);
        // a record claiming the tenant whose run belongs to another: the run decides
        records.save(record(4, "acme"));
        runner.add(run(104, 4, "globex", false, "COMPLETED"));

        Page<JobView> page = jobs.recent(ACME, false, PageRequest.first(3));

        assertEquals(List.of(103L), executions(page));
        assertEquals(
                List.of(101L),
                executions(jobs.recent(ACME, false, new PageRequest(3, page.next()))));
    }

    @Test
    void givenAJobJustStarted_whenListed_thenItShowsBeforeRecordingAnyProgress() {
        long execution =
                jobs.start(
                        new JobRequest(
                                ACME,
                                new Actor("alice"),
                                false,
                                JobKind.PARITY_CHECK,
                                Optional.of("legacy"),
                                false,
                                false));

        JobView listed = jobs.recent(ACME, false, all()).items().get(0);
        assertEquals(execution, listed.executionId());
        assertEquals(JobProgress.NONE, listed.progress());
        assertEquals("alice", listed.startedBy());
        assertEquals(List.of(), executions(jobs.recent(GLOBEX, false, all())));
    }

    @Test
    void givenAPathThatHoldsNothing_whenAJobThatReadsItStarts_then400NamingThePathAndNothingRuns() {
        for (JobKind reads : List.of(JobKind.YAML_IMPORT, JobKind.PARITY_CHECK, JobKind.RESTORE)) {
            InvalidInput refused =
                    assertThrows(
                            InvalidInput.class,
                            () ->
                                    jobs.start(
                                            new JobRequest(
                                                    ACME,
                                                    new Actor("alice"),
                                                    false,
                                                    reads,
                                                    Optional.of("doesnotexist"),
                                                    false,
                                                    false)));
            assertEquals(
                    "path: no such file or folder in your tenant's jobs folder",
                    refused.getMessage(),
                    reads.wireName());
        }
        assertEquals(List.of(), executions(jobs.recent(ACME, false, all())), "nothing started");
        jobs.start(
                new JobRequest(
                        ACME,
                        new Actor("alice"),
                        false,
                        JobKind.YAML_EXPORT,
                        Optional.of("doesnotexist"),
                        false,
                        false));
        assertEquals(1, executions(jobs.recent(ACME, false, all())).size(), "an export writes it");
    }

    private void job(long executionId, long instanceId, String owner, boolean allTenants) {
        records.save(record(instanceId, owner));
        runner.add(run(executionId, instanceId, owner, allTenants, "COMPLETED"));
    }

    private static JobRecord record(long instanceId, String owner) {
        return new JobRecord(
                instanceId, owner, "alice", new JobProgress(10, 4, 1), "{\"imported\":4}");
    }

    private static JobRunner.Run run(
            long executionId, long instanceId, String owner, boolean allTenants, String status) {
        return new JobRunner.Run(
                executionId,
                instanceId,
                JobKind.YAML_IMPORT,
                status,
                Optional.of(T0.plusSeconds(executionId)),
                Optional.empty(),
                Map.of(
                        JobParameters.TENANT,
                        owner,
                        JobParameters.ACTOR,
                        "alice",
                        JobParameters.ALL_TENANTS,
                        Boolean.toString(allTenants)));
    }

    private static PageRequest all() {
        return PageRequest.first(PageRequest.MAX_LIMIT);
    }

    private static List<Long> executions(Page<JobView> page) {
        return page.items().stream().map(JobView::executionId).toList();
    }

    /** The batch runtime's executions, by id. */
    private static final class FakeRunner implements JobRunner {
        private final List<Run> runs = new ArrayList<>();

        void add(Run run) {
            runs.add(run);
        }

        /** A new instance and its first execution, still starting. */
        @Override
        public long start(JobKind kind, Map<String, String> parameters) {
            long execution = 500L + runs.size();
            runs.add(
                    new Run(
                            execution,
                            execution,
                            kind,
                            "STARTING",
                            Optional.empty(),
                            Optional.empty(),
                            parameters));
            return execution;
        }

        @Override
        public long restart(long executionId) {
            throw new UnsupportedOperationException("not restarted here");
        }

        @Override
        public Optional<Run> run(long executionId) {
            return runs.stream().filter(r -> r.executionId() == executionId).findFirst();
        }

        @Override
        public Optional<Run> latestRun(long instanceId) {
            return runs.stream()
                    .filter(r -> r.instanceId() == instanceId)
                    .max(Comparator.comparingLong(Run::executionId));
        }
    }

    /** Job records by instance id; the cursor is the last instance id served. */
    private static final class FakeRecords implements JobRecords {
        private final TreeMap<Long, JobRecord> byInstance = new TreeMap<>();

        @Override
        public Optional<JobRecord> find(long instanceId) {
            return Optional.ofNullable(byInstance.get(instanceId));
        }

        @Override
        public Page<JobRecord> newestFirst(Set<String> owners, PageRequest page) {
            long before = page.cursor().map(Long::parseLong).orElse(Long.MAX_VALUE);
            List<JobRecord> found =
                    byInstance.headMap(before, false).descendingMap().values().stream()
                            .filter(r -> owners.contains(r.tenant()))
                            .toList();
            if (found.size() <= page.limit()) {
                return new Page<>(found, Optional.empty());
            }
            return new Page<>(
                    found.subList(0, page.limit()),
                    Optional.of(Long.toString(found.get(page.limit() - 1).instanceId())));
        }

        @Override
        public void save(JobRecord record) {
            byInstance.put(record.instanceId(), record);
        }

        @Override
        public void register(JobRecord record) {
            byInstance.putIfAbsent(record.instanceId(), record);
        }
    }
}
