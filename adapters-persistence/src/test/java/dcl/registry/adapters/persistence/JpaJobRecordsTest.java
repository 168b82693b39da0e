package dcl.registry.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.job.JobProgress;
import dcl.registry.domain.job.JobRecord;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Job records and the jobs list on a real PostgreSQL. */
class JpaJobRecordsTest {
    @RegisterExtension static final RegistryDatabase database = new RegistryDatabase();
    private final JpaJobRecords records = new JpaJobRecords();

    @BeforeEach
    void emptyTableAndInject() {
        database.execute("TRUNCATE job_records");
        records.em = database.transactionScoped();
    }

    @Test
    void givenTwoTenantsJobs_whenATenantPagesThroughItsOwn_thenNewestFirstAndNeverTheOthers() {
        save(1, "acme");
        save(2, "globex");
        save(3, "acme");
        save(4, "_all-tenants");
        save(5, "acme");

        Page<JobRecord> first = newest(Set.of("acme"), PageRequest.first(2));
        assertEquals(List.of(5L, 3L), ids(first));
        Page<JobRecord> second =
                newest(Set.of("acme"), new PageRequest(2, Optional.of(first.next().orElseThrow())));
        assertEquals(List.of(1L), ids(second));
        assertEquals(Optional.empty(), second.next());

        assertEquals(List.of(2L), ids(newest(Set.of("globex"), PageRequest.first(100))));
        assertEquals(List.of(), ids(newest(Set.of("initech"), PageRequest.first(100))));
    }

    @Test
    void givenSeveralOwners_whenListed_thenTheirRecordsInterleaveNewestFirstWithTheirContent() {
        save(1, "acme");
        save(2, "globex");
        save(3, "_all-tenants");

        Page<JobRecord> page = newest(Set.of("acme", "_all-tenants"), PageRequest.first(100));

        assertEquals(List.of(3L, 1L), ids(page));
        assertEquals(
                new JobRecord(1, "acme", "alice", new JobProgress(10, 4, 1), "{\"imported\":4}"),
                page.items().get(1));
    }

    @Test
    void givenAJobJustStarted_whenRegistered_thenListedWithoutProgressAndNeverOverwritingItsOwn() {
        JobRecord started = new JobRecord(7, "acme", "alice", JobProgress.NONE, "{}");
        database.inTransaction(
                () -> {
                    records.register(started);
                    return null;
                });
        assertEquals(Optional.of(started), database.inTransaction(() -> records.find(7)));

        save(8, "acme");
        database.inTransaction(
                () -> {
                    records.register(new JobRecord(8, "acme", "alice", JobProgress.NONE, "{}"));
                    return null;
                });
        assertEquals(
                new JobProgress(10, 4, 1),
                database.inTransaction(() -> records.find(8)).orElseThrow().progress(),
                "a job that recorded progress before it was registered keeps it");
    }

    @Test
    void givenAnotherListsCursorOrGarbage_whenUsedAsAJobsCursor_thenItIsRefusedNamingCursor() {
        String historyCursor = OpaqueCursor.encode("history", "3");
        for (String cursor :
                List.of(historyCursor, "not-a-cursor", OpaqueCursor.encode("jobs", "x"))) {
            InvalidInput refused =
                    assertThrows(
                            InvalidInput.class,
                            () -> newest(Set.of("acme"), new PageRequest(10, Optional.of(cursor))));
            assertEquals("cursor", refused.violations().get(0).field());
        }
    }

    private void save(long instanceId, String owner) {
        database.inTransaction(
                () -> {
                    records.save(
                            new JobRecord(
                                    instanceId,
                                    owner,
                                    "alice",
                                    new JobProgress(10, 4, 1),
                                    "{\"imported\":4}"));
                    return null;
                });
    }

    private Page<JobRecord> newest(Set<String> owners, PageRequest page) {
        return database.inTransaction(() -> records.newestFirst(owners, page));
    }

    private static List<Long> ids(Page<JobRecord> page) {
        return page.items().stream().map(JobRecord::instanceId).toList();
    }
}
