package dcl.registry.application;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.JobNotFound;
import dcl.registry.domain.error.JobStateConflict;
import dcl.registry.domain.error.NotPermitted;
import dcl.registry.domain.job.JobKind;
import dcl.registry.domain.job.JobParameters;
import dcl.registry.domain.job.JobProgress;
import dcl.registry.domain.job.JobRecord;
import dcl.registry.domain.job.JobRequest;
import dcl.registry.domain.job.JobView;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.RecordJobProgressUseCase;
import dcl.registry.domain.port.in.RunJobsUseCase;
import dcl.registry.domain.port.out.JobRecords;
import dcl.registry.domain.port.out.JobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks job requests (paths, roles, tenant) and hands them to the batch runtime; keeps what the
 * running jobs record.
 */
public class JobService implements RunJobsUseCase, RecordJobProgressUseCase {
    private static final Set<String> RESTARTABLE = Set.of("STOPPED", "FAILED");

    private final JobRunner runner;
    private final JobRecords records;
    private final JobPaths paths;

    public JobService(JobRunner runner, JobRecords records, JobPaths paths) {
        this.runner = runner;
        this.records = records;
        this.paths = paths;
    }

    @Override
    public long start(JobRequest request) {
        if (request.allTenants()
                && request.kind() != JobKind.BACKUP
                && request.kind() != JobKind.RESTORE) {
            throw new InvalidInput("allTenants", "only backup and restore cover all tenants");
        }
        if (request.allTenants() && !request.operator()) {
            throw new NotPermitted("allTenants needs the operator role");
        }
        if (request.dryRun() && request.kind() != JobKind.YAML_IMPORT) {
            throw new InvalidInput("dryRun", "only yaml-import has a dry run");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(
                JobParameters.TENANT,
                request.allTenants() ? JobParameters.ALL_TENANTS_OWNER : request.tenant().value());
        parameters.put(JobParameters.ACTOR, request.actor().subject());
        String path = request.path().orElse(null);
        Path resolved =
                request.allTenants()
                        ? paths.acrossTenants(path)
                        : paths.forTenant(request.tenant(), path);
        if (request.kind().readsItsPath() && !Files.exists(resolved)) {
            // said now, not as a job failed later without a reason, and without the server's
            // absolute path
            throw new InvalidInput(
                    "path",
                    "no such file or folder in "
                            + (request.allTenants()
                                    ? JobPaths.ALL_TENANTS_FOLDER_NAME
                                    : JobPaths.TENANT_FOLDER_NAME));
        }
        parameters.put(JobParameters.PATH, resolved.toString());
        parameters.put(JobParameters.DRY_RUN, Boolean.toString(request.dryRun()));
        parameters.put(JobParameters.ALL_TENANTS, Boolean.toString(request.allTenants()));
        long execution = runner.start(request.kind(), parameters);
        // listed from its start, even when it fails before recording any progress
        runner.run(execution)
                .ifPresent(
                        run ->
                                records.register(
                                        new JobRecord(
                                                run.instanceId(),
                                                parameters.get(JobParameters.TENANT),
                                                request.actor().subject(),
                                                JobProgress.NONE,
                                                "{}")));
        return execution;
    }

    @Override
    public long restart(TenantId tenant, boolean operator, long executionId) {
        JobRunner.Run run = ownRun(tenant, operator, executionId);
        if (!RESTARTABLE.contains(run.status())) {
            throw new JobStateConflict(
                    "Job "
                            + executionId
                            + " is "
                            + run.status()
                            + "; only STOPPED or FAILED jobs restart");
        }
        return runner.restart(executionId);
    }

    @Override
    public JobView view(TenantId tenant, boolean operator, long executionId) {
        JobRunner.Run run = ownRun(tenant, operator, executionId);
        return view(tenant, run, records.find(run.instanceId()));
    }

    @Override
    public Page<JobView> recent(TenantId tenant, boolean operator, PageRequest page) {
        Page<JobRecord> newest =
                records.newestFirst(
                        operator
                                ? Set.of(tenant.value(), JobParameters.ALL_TENANTS_OWNER)
                                : Set.of(tenant.value()),
                        page);
        // a record the runtime no longer knows has no execution to show, so it is left out
        return new Page<>(
                newest.items().stream()
                        .flatMap(
                                record ->
                                        runner
                                                .latestRun(record.instanceId())
                                                .filter(visibleTo(tenant, operator))
                                                .map(run -> view(tenant, run, Optional.of(record)))
                                                .stream())
                        .toList(),
                newest.next());
    }

    private static JobView view(TenantId tenant, JobRunner.Run run, Optional<JobRecord> record) {
        return new JobView(
                run.executionId(),
                run.kind(),
                tenant,
                run.parameters().getOrDefault(JobParameters.ACTOR, "unknown"),
                run.status(),
                run.startedAt(),
                run.endedAt(),
                record.map(JobRecord::progress).orElse(JobProgress.NONE),
                record.map(JobRecord::reportJson).orElse("{}"));
    }

    /**
     * The run when the caller may see it; another tenant's (or, for non-operators, an all-tenants
     * run) is not found.
     */
    private JobRunner.Run ownRun(TenantId tenant, boolean operator, long executionId) {
        return runner.run(executionId)
                .filter(visibleTo(tenant, operator))
                .orElseThrow(() -> new JobNotFound(executionId));
    }

    /** A tenant sees its own runs; only operators see runs over all tenants. */
    private static Predicate<JobRunner.Run> visibleTo(TenantId tenant, boolean operator) {
        return run ->
                Boolean.parseBoolean(run.parameters().get(JobParameters.ALL_TENANTS))
                        ? operator
                        : tenant.value().equals(run.parameters().get(JobParameters.TENANT));
    }

    @Override
    public Optional<JobRecord> find(long instanceId) {
        return records.find(instanceId);
    }

    @Override
    public void save(JobRecord record) {
        records.save(record);
    }
}
