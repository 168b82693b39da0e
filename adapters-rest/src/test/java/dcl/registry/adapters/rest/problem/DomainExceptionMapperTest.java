package dcl.registry.adapters.rest.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.slo.SloStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DomainExceptionMapperTest {
    /** One error of a type, and the status and problem type the API promises for it. */
    private record Case(DomainException error, int status, String type) {}

    private static final List<Case> CASES =
            List.of(
                    new Case(new InvalidInput("field", "is wrong"), 400, "invalid-input"),
                    new Case(new MappingNotFound("id 1"), 404, "mapping-not-found"),
                    new Case(
                            new DuplicateMapping(
                                    new SourceRef(
                                            new ConnectorId("salesforce"),
                                            new SourceTable("Opportunity"),
                                            new SourceField("Amount"))),
                            409,
                            "duplicate-mapping"),
                    new Case(new StaleVersion(1, 2), 412, "stale-version"),
                    new Case(new WritesFrozen(new TenantId("acme")), 409, "writes-frozen"),
                    new Case(
                            new RolloutHalted(
                                    new SloStatus("availability", 0.999, 0.99, 10, 1000),
                                    "availability error budget 1000 % consumed"),
                            409,
                            "rollout-halted"),
                    new Case(
                            new EquivalenceNotShown("rag agreed on 80.0 %"),
                            409,
                            "equivalence-not-shown"),
                    new Case(new NotPermitted("four eyes"), 403, "not-permitted"),
                    new Case(
                            new CanonicalEntityNotFound("deal"), 404, "canonical-entity-not-found"),
                    new Case(new IllegalTransition("decided"), 409, "illegal-transition"),
                    new Case(new ResourceNotFound("approval 1"), 404, "not-found"),
                    new Case(new NoSimilarMapping("sf/t/f", 0.8), 404, "no-similar-mapping"),
                    new Case(new JobNotFound(7), 404, "job-not-found"),
                    new Case(new JobStateConflict("still running"), 409, "job-state"),
                    new Case(new StoreUnavailable(), 503, "store-unavailable"),
                    new Case(
                            new StrategyUnavailable("llm", "circuit open"),
                            503,
                            "strategy-unavailable"),
                    new Case(new VersionRequired(), 428, "version-required"));

    @Test
    void givenTheSealedDomainErrors_whenListed_thenEachHasACaseHere() {
        Set<Class<?>> covered =
                CASES.stream().map(c -> c.error().getClass()).collect(Collectors.toSet());
        assertEquals(
                concreteTypes(DomainException.class),
                covered,
                "every domain error needs its status and problem type in the mapper and a case"
                        + " here");
    }

    @Test
    void givenEachDomainError_whenMapped_thenItGetsItsOwnStatusAndType() {
        for (Case c : CASES) {
            Map<String, Object> body = DomainExceptionMapper.problemFor(c.error()).body();
            String what = c.error().getClass().getSimpleName();
            assertEquals(c.status(), body.get("status"), what);
            assertEquals("urn:dcl:problem:" + c.type(), body.get("type"), what);
            assertEquals(c.error().getMessage(), body.get("detail"), what);
        }
    }

    /** The classes a sealed type permits, through sealed intermediate types down to the leaves. */
    private static Set<Class<?>> concreteTypes(Class<?> sealed) {
        Class<?>[] permitted = sealed.getPermittedSubclasses();
        assertNotNull(permitted, sealed.getSimpleName() + " must be sealed");
        Set<Class<?>> leaves = new HashSet<>();
        for (Class<?> type : permitted) {
            if (type.isSealed()) {
                leaves.addAll(concreteTypes(type));
            } else {
                leaves.add(type);
            }
        }
        return leaves;
    }
}
