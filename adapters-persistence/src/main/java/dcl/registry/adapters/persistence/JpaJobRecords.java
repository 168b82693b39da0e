package dcl.registry.adapters.persistence;

import dcl.registry.domain.job.JobProgress;
import dcl.registry.domain.job.JobRecord;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.port.out.JobRecords;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/** Job progress and reports in PostgreSQL; written inside the job's chunk transaction. */
@DatabaseAdapter
class JpaJobRecords implements JobRecords {
    private static final String COLUMNS =
            "SELECT instance_id, tenant_id, started_by, total, processed, failed, report"
                    + " FROM job_records";
    private static final String JOBS = "jobs";

    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public Optional<JobRecord> find(long instanceId) {
        return records(
                        em.createNativeQuery(COLUMNS + " WHERE instance_id = ?1")
                                .setParameter(1, instanceId))
                .stream()
                .findFirst();
    }

    /** The cursor is the instance id of the last record served (job_records_owner_newest). */
    @Override
    public Page<JobRecord> newestFirst(Set<String> owners, PageRequest page) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(
                page.cursor()
                        .map(c -> OpaqueCursor.decodePosition(c, JOBS))
                        .orElse(Long.MAX_VALUE));
        StringJoiner ownedBy = new StringJoiner(", ", " AND tenant_id IN (", ")");
        for (String owner : owners) {
            parameters.add(owner);
            ownedBy.add("?" + parameters.size());
        }
        Query query =
                em.createNativeQuery(
                        COLUMNS
                                + " WHERE instance_id < ?1"
                                + ownedBy
                                + " ORDER BY instance_id DESC LIMIT "
                                + (page.limit() + 1));
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<JobRecord> found = records(query);
        if (found.size() <= page.limit()) {
            return new Page<>(found, Optional.empty());
        }
        return new Page<>(
                found.subList(0, page.limit()),
                Optional.of(
                        OpaqueCursor.encodePosition(
                                JOBS, found.get(page.limit() - 1).instanceId())));
    }

    private static List<JobRecord> records(Query query) {
        List<JobRecord> records = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            records.add(
                    new JobRecord(
                            ((Number) c[0]).longValue(),
                            (String) c[1],
                            (String) c[2],
                            new JobProgress(
                                    ((Number) c[3]).longValue(),
                                    ((Number) c[4]).longValue(),
                                    ((Number) c[5]).longValue()),
                            (String) c[6]));
        }
        return records;
    }

    @Override
    public void save(JobRecord record) {
        insert(
                record,
                "DO UPDATE SET total = EXCLUDED.total, processed = EXCLUDED.processed, failed ="
                        + " EXCLUDED.failed, report = EXCLUDED.report, updated_at = now()");
    }

    @Override
    public void register(JobRecord record) {
        insert(record, "DO NOTHING");
    }

    /** Inserts the record; {@code onConflict} says what an existing one of the instance becomes. */
    private void insert(JobRecord record, String onConflict) {
        em.createNativeQuery(
                        "INSERT INTO job_records (instance_id, tenant_id, started_by, total,"
                                + " processed, failed, report, updated_at) VALUES (?1, ?2, ?3, ?4, ?5,"
                                + " ?6, ?7, now()) ON CONFLICT (instance_id) "
                                + onConflict)
                .setParameter(1, record.instanceId())
                .setParameter(2, record.tenant())
                .setParameter(3, record.startedBy())
                .setParameter(4, record.progress().total())
                .setParameter(5, record.progress().processed())
                .setParameter(6, record.progress().failed())
                .setParameter(7, record.reportJson())
                .executeUpdate();
    }
}
