package dcl.registry.domain.job;

/** The state of one job instance: who started it for which owner, its progress and report. */
public record JobRecord(
        long instanceId,
        String tenant,
        String startedBy,
        JobProgress progress,
        String reportJson) {}
