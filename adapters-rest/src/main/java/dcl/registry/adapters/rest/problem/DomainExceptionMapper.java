package dcl.registry.adapters.rest.problem;

import dcl.registry.domain.error.CanonicalEntityNotFound;
import dcl.registry.domain.error.DomainException;
import dcl.registry.domain.error.DuplicateMapping;
import dcl.registry.domain.error.EquivalenceNotShown;
import dcl.registry.domain.error.IllegalTransition;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.JobNotFound;
import dcl.registry.domain.error.JobStateConflict;
import dcl.registry.domain.error.MappingNotFound;
import dcl.registry.domain.error.NoSimilarMapping;
import dcl.registry.domain.error.NotPermitted;
import dcl.registry.domain.error.ResourceNotFound;
import dcl.registry.domain.error.RolloutHalted;
import dcl.registry.domain.error.StaleVersion;
import dcl.registry.domain.error.StoreUnavailable;
import dcl.registry.domain.error.StrategyUnavailable;
import dcl.registry.domain.error.VersionRequired;
import dcl.registry.domain.error.WritesFrozen;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** One status code and problem type for each domain error; none falls back to a generic answer. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {
    @Override
    public Response toResponse(DomainException error) {
        return problemFor(error).toResponse();
    }

    static Problem problemFor(DomainException error) {
        String detail = error.getMessage();
        if (error instanceof InvalidInput invalid) {
            return Problem.of(400, "invalid-input", "The request is invalid", detail)
                    .errors(
                            invalid.violations().stream()
                                    .map(v -> Map.of("field", v.field(), "message", v.message()))
                                    .toList());
        }
        if (error instanceof MappingNotFound) {
            return Problem.of(404, "mapping-not-found", "Mapping not found", detail);
        }
        if (error instanceof DuplicateMapping duplicate) {
            Problem problem =
                    Problem.of(409, "duplicate-mapping", "The mapping exists already", detail);
            duplicate
                    .existingId()
                    .ifPresent(
                            id ->
                                    problem.with("existingId", id.toString())
                                            .with("update", "PUT /dcl/mappings/" + id));
            return problem;
        }
        if (error instanceof StaleVersion stale) {
            return Problem.of(412, "stale-version", "The mapping changed since you read it", detail)
                    .with("currentVersion", stale.current());
        }
        if (error instanceof WritesFrozen) {
            return Problem.of(
                    409, "writes-frozen", "The tenant is rolled back to the legacy YAML", detail);
        }
        if (error instanceof RolloutHalted halted) {
            return Problem.of(409, "rollout-halted", "The error budget forbids advancing", detail)
                    .with("slo", halted.budget().name())
                    .with("budgetConsumed", halted.budget().budgetConsumed());
        }
        if (error instanceof EquivalenceNotShown) {
            return Problem.of(
                    409,
                    "equivalence-not-shown",
                    "The candidate's shadow does not show it behaves like the serving strategy",
                    detail);
        }
        if (error instanceof NotPermitted) {
            return Problem.of(403, "not-permitted", "Not permitted", detail);
        }
        if (error instanceof CanonicalEntityNotFound) {
            return Problem.of(
                    404, "canonical-entity-not-found", "Canonical entity not found", detail);
        }
        if (error instanceof IllegalTransition) {
            return Problem.of(
                    409, "illegal-transition", "Not possible in its current state", detail);
        }
        if (error instanceof ResourceNotFound) {
            return Problem.of(404, "not-found", "Not found", detail);
        }
        if (error instanceof NoSimilarMapping) {
            return Problem.of(404, "no-similar-mapping", "No similar known mapping", detail);
        }
        if (error instanceof JobNotFound) {
            return Problem.of(404, "job-not-found", "Job not found", detail);
        }
        if (error instanceof JobStateConflict) {
            return Problem.of(409, "job-state", "The job cannot do that now", detail);
        }
        if (error instanceof StoreUnavailable) {
            return Problem.of(503, "store-unavailable", "The mapping store is unavailable", detail)
                    .header("Retry-After", Integer.toString(StoreUnavailable.RETRY_AFTER_SECONDS));
        }
        if (error instanceof StrategyUnavailable unavailable) {
            return Problem.of(
                            503,
                            "strategy-unavailable",
                            "The configured proposal strategy cannot answer now",
                            detail)
                    .with("degraded", java.util.List.of(unavailable.fallback().toString()))
                    .header(
                            "Retry-After",
                            Integer.toString(StrategyUnavailable.RETRY_AFTER_SECONDS));
        }
        if (error instanceof VersionRequired) {
            return Problem.of(428, "version-required", "If-Match is required", detail);
        }
        // DomainException is sealed and every permitted type is answered above, as
        // DomainExceptionMapperTest checks: reaching this line is a bug, not the caller's error
        throw new IllegalStateException("No problem type for " + error.getClass().getName());
    }
}
