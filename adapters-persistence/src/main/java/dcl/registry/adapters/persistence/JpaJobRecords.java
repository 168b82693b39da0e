package dcl.registry.adapters.persistence;

import dcl.registry.domain.job.JobProgress;
import dcl.registry.domain.job.JobRecord;
import dcl.registry.domain.port.out.JobRecords;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Job progress and reports in PostgreSQL; written inside the job's chunk transaction. */
@DatabaseAdapter
class JpaJobRecords implements JobRecords {
    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public Optional<JobRecord> find(long instanceId) {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT tenant_id, started_by, total, processed, failed, report"
                                        + " FROM job_records WHERE instance_id = ?1")
                        .setParameter(1, instanceId)
                        .getResultList();
        return rows.stream()
                .findFirst()
                .map(
                        row -> {
                            Object[] c = (Object[]) row;
                            return new JobRecord(
                                    instanceId,
                                    (String) c[0],
                                    (String) c[1],
                                    new JobProgress(
                                            ((Number) c[2]).longValue(),
                                            ((Number) c[3]).longValue(),
                                            ((Number) c[4]).longValue()),
                                    (String) c[5]);
                        });
    }

    @Override
    public void save(JobRecord record) {
        em.createNativeQuery(
                        "INSERT INTO job_records (instance_id, tenant_id, started_by, total,"
                                + " processed, failed, report, updated_at) VALUES (?1, ?2, ?3, ?4, ?5,"
                                + " ?6, ?7, now()) ON CONFLICT (instance_id) DO UPDATE SET total ="
                                + " EXCLUDED.total, processed = EXCLUDED.processed, failed ="
                                + " EXCLUDED.failed, report = EXCLUDED.report, updated_at = now()")
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
