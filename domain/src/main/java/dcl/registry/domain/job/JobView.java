package dcl.registry.domain.job;

import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * A job as its starter sees it: status from the batch runtime, progress and report from the job
 * itself. The report is a JSON document whose shape depends on the job (api.md lists them).
 */
public record JobView(
        long executionId,
        JobKind kind,
        TenantId tenant,
        String startedBy,
        String status,
        Optional<Instant> startedAt,
        Optional<Instant> endedAt,
        JobProgress progress,
        String reportJson) {}
