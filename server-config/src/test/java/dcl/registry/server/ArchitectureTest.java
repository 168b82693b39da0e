package dcl.registry.server;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dcl.registry.adapters.persistence.archfixture.JpaOpenStore;
import dcl.registry.adapters.persistence.archfixture.JsonPerCall;
import dcl.registry.adapters.rest.admin.WebhookResource;
import dcl.registry.adapters.rest.archfixture.ResourceUsingService;
import dcl.registry.application.WebhookService;
import dcl.registry.application.archfixture.FolderReader;
import dcl.registry.application.archfixture.UnitOfWork;
import dcl.registry.application.archfixture.UnportedService;
import dcl.registry.application.archfixture.VectorCache;
import dcl.registry.archfixture.RuntimeSideWriter;
import dcl.registry.batch.BackupBatchlet;
import dcl.registry.batch.BatchJobRunner;
import dcl.registry.batch.archfixture.BatchletUsingTables;
import dcl.registry.domain.intelligence.QuantizedVector;
import dcl.registry.domain.port.out.StoredEmbeddings;
import dcl.registry.domain.port.out.TextEmbedder;
import dcl.registry.domain.port.out.archfixture.StoreAsClass;
import jakarta.json.Json;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon's rules, checked on the compiled classes of every module. */
class ArchitectureTest {
    private static final String STATIC_INITIALIZER = "<clinit>";

    private static final String[] WRITE_PORTS = {
        "dcl.registry.domain.port.in.CreateMappingUseCase",
        "dcl.registry.domain.port.in.UpdateMappingUseCase",
        "dcl.registry.domain.port.in.DeleteMappingUseCase",
        "dcl.registry.domain.port.out.StoreMappings"
    };

    static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dcl.registry");
    }

    static final ArchRule DOMAIN_IS_PURE_JAVA =
            classes()
                    .that()
                    .resideInAPackage("dcl.registry.domain..")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage("java..", "dcl.registry.domain..")
                    .because(
                            "the domain is plain Java: no Jakarta, JPA, JSON, Infinispan or any"
                                    + " other framework");

    static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_ONLY =
            classes()
                    .that()
                    .resideInAPackage("dcl.registry.application..")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage(
                            "java..", "dcl.registry.domain..", "dcl.registry.application..")
                    .because("use cases are plain Java wired by producers in server-config");

    static final ArchRule ADAPTERS_DO_NOT_KNOW_EACH_OTHER =
            noClasses()
                    .that()
                    .resideInAnyPackage("dcl.registry.adapters..", "dcl.registry.batch..")
                    .should(new AdapterIsolation())
                    .because("adapters plug into ports, never into one another");

    static final ArchRule ONLY_ADMIN_PATH_WRITES_MAPPINGS =
            noClasses()
                    .that()
                    .resideOutsideOfPackages(
                            "dcl.registry.domain..",
                            "dcl.registry.application..",
                            "dcl.registry.adapters.rest.admin..",
                            "dcl.registry.adapters.persistence..",
                            "dcl.registry.server..")
                    .should()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName(WRITE_PORTS[0])
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName(WRITE_PORTS[1])
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName(WRITE_PORTS[2])
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName(WRITE_PORTS[3])
                    .because(
                            "the AAM runtime cannot write mappings: only the admin write path may"
                                    + " create, update or delete");

    static final ArchRule AAM_SIDE_IS_READ_ONLY =
            noClasses()
                    .that()
                    .resideInAnyPackage(
                            "dcl.registry.adapters.aam..", "dcl.registry.adapters.rest.runtime..")
                    .should()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName(WRITE_PORTS[0])
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName(WRITE_PORTS[1])
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName(WRITE_PORTS[2])
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName(WRITE_PORTS[3])
                    .because("what faces the AAM runtime gets read-only ports");

    private static final String[] DRIVING_ADAPTERS = {
        "dcl.registry.adapters.rest..", "dcl.registry.batch.."
    };
    private static final String INBOUND_PORTS = "dcl.registry.domain.port.in..";
    private static final String OUTBOUND_PORTS = "dcl.registry.domain.port.out..";

    static final ArchRule DRIVING_ADAPTERS_CALL_USE_CASES_ONLY =
            noClasses()
                    .that()
                    .resideInAnyPackage(DRIVING_ADAPTERS)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("dcl.registry.application..")
                    .because(
                            "REST resources and batch jobs reach the application through port/in"
                                    + " use cases, never through its classes");

    static final ArchRule DRIVING_ADAPTERS_DO_NOT_DRIVE_OUTBOUND_PORTS =
            noClasses()
                    .that()
                    .resideInAnyPackage(DRIVING_ADAPTERS)
                    .and()
                    .doNotImplement(resideInAPackage(OUTBOUND_PORTS))
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(OUTBOUND_PORTS)
                    .because(
                            "what drives the application goes through a use case; only a class"
                                    + " implementing an outbound port (the batch runtime behind"
                                    + " JobRunner) is a driven adapter and may use its types");

    static final ArchRule APPLICATION_SERVICES_IMPLEMENT_USE_CASES =
            classes()
                    .that()
                    .resideInAPackage("dcl.registry.application..")
                    .and()
                    .haveSimpleNameEndingWith("Service")
                    .should()
                    .implement(resideInAPackage(INBOUND_PORTS))
                    .because("a service is reached through the use cases it implements");

    static final ArchRule PORTS_ARE_INTERFACES =
            classes()
                    .that()
                    .resideInAnyPackage(INBOUND_PORTS, OUTBOUND_PORTS)
                    .and()
                    .areTopLevelClasses()
                    .should()
                    .beInterfaces()
                    .because("a port is a contract; adapters and services implement it");

    static final ArchRule PORTS_LIVE_IN_THE_DOMAIN =
            noClasses()
                    .that()
                    .resideInAPackage("dcl.registry.application..")
                    .and()
                    .doNotHaveSimpleName("package-info") // compiled as an interface
                    .should()
                    .beInterfaces()
                    .because(
                            "ports belong to the domain (port/in, port/out), where adapters and"
                                    + " services both see them");

    static final ArchRule APPLICATION_HOLDS_NO_VECTORS =
            noClasses()
                    .that()
                    .resideInAPackage("dcl.registry.application..")
                    .should()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName(QuantizedVector.class.getName())
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName(TextEmbedder.class.getName())
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName(StoredEmbeddings.class.getName())
                    .because(
                            "embedding, keeping and searching vectors is an index's job, in an"
                                    + " adapter behind SemanticSearch");

    /** The methods of {@link Files} that open, list or write file contents. */
    private static final Set<String> FILE_CONTENT_ACCESS =
            Set.of(
                    "list",
                    "walk",
                    "find",
                    "lines",
                    "newInputStream",
                    "newOutputStream",
                    "newBufferedReader",
                    "newBufferedWriter",
                    "newByteChannel",
                    "newDirectoryStream",
                    "readAllBytes",
                    "readAllLines",
                    "readString",
                    "write",
                    "writeString",
                    "copy");

    /**
     * The cache layer warms itself from the mapping store's own query for small tenants' tables.
     */
    private static final String STORE_THE_CACHE_WARMS_FROM =
            "dcl.registry.adapters.persistence.JpaMappingRepository";

    static final ArchRule DATABASE_STORES_ARE_REACHED_THROUGH_PORTS =
            classes()
                    .that(
                            DescribedPredicate.describe(
                                    "are database stores (Jpa*, Jdbc*, Jta* in persistence)",
                                    (JavaClass c) ->
                                            c.getPackageName()
                                                            .startsWith(
                                                                    "dcl.registry.adapters.persistence")
                                                    && c.getSimpleName()
                                                            .matches("(Jpa|Jdbc|Jta)[A-Z].*")
                                                    && !c.getName()
                                                            .equals(STORE_THE_CACHE_WARMS_FROM)))
                    .should()
                    .notBePublic()
                    .because(
                            "the wiring and the use cases ask for a store by its port type, so a"
                                    + " store can change without anyone else knowing");

    static final ArchRule APPLICATION_OPENS_NO_FILES =
            noClasses()
                    .that()
                    .resideInAPackage("dcl.registry.application..")
                    .should()
                    .callMethodWhere(
                            DescribedPredicate.describe(
                                    "a method of Files that opens, lists or writes contents",
                                    (JavaMethodCall call) ->
                                            call.getTargetOwner().isEquivalentTo(Files.class)
                                                    && FILE_CONTENT_ACCESS.contains(
                                                            call.getName())))
                    .because(
                            "reading and caching files is an adapter's job behind a port (the"
                                    + " legacy folders: LegacyMappingFolders)");

    static final ArchRule JSON_PROVIDER_LOOKED_UP_ONCE =
            noClasses()
                    .should()
                    .callMethodWhere(
                            DescribedPredicate.describe(
                                    "a factory method of jakarta.json.Json outside a static"
                                            + " initializer",
                                    (JavaMethodCall call) ->
                                            call.getTargetOwner().isEquivalentTo(Json.class)
                                                    && !call.getOrigin()
                                                            .getName()
                                                            .equals(STATIC_INITIALIZER)))
                    .because(
                            "each Json.create… call looks the JSON provider up again, which under"
                                    + " Liberty throws and catches a ClassNotFoundException: 28"
                                    + " of them per proposal stored; a class keeps its"
                                    + " JsonProvider (or factory) in a constant instead");

    @Test
    void givenTheDomain_whenItsDependenciesAreChecked_thenItUsesTheJdkOnly() {
        DOMAIN_IS_PURE_JAVA.check(production);
    }

    @Test
    void givenTheApplication_whenItsDependenciesAreChecked_thenItUsesTheDomainOnly() {
        APPLICATION_DEPENDS_ON_DOMAIN_ONLY.check(production);
    }

    @Test
    void givenTheAdapters_whenTheirDependenciesAreChecked_thenNoneUsesAnother() {
        ADAPTERS_DO_NOT_KNOW_EACH_OTHER.check(production);
    }

    @Test
    void givenTheCode_whenMappingWritesAreTraced_thenOnlyTheAdminPathReachesThem() {
        ONLY_ADMIN_PATH_WRITES_MAPPINGS.check(production);
        AAM_SIDE_IS_READ_ONLY.check(production);
    }

    @Test
    void givenARuntimeSideClassThatWrites_whenTheRulesRun_thenTheyReportIt() {
        JavaClasses withFixture = new ClassFileImporter().importClasses(RuntimeSideWriter.class);
        EvaluationResult result = ONLY_ADMIN_PATH_WRITES_MAPPINGS.evaluate(withFixture);
        assertTrue(
                result.hasViolation(),
                "a class outside the admin path that uses CreateMappingUseCase must be reported");
        assertTrue(result.getFailureReport().toString().contains("RuntimeSideWriter"));
    }

    @Test
    void givenTheDomainRule_whenADomainClassImportsJakarta_thenItIsReported() {
        JavaClasses fixture =
                new ClassFileImporter()
                        .importClasses(dcl.registry.domain.archfixture.FrameworkInDomain.class);
        assertTrue(DOMAIN_IS_PURE_JAVA.evaluate(fixture).hasViolation());
        assertFalse(
                DOMAIN_IS_PURE_JAVA
                        .evaluate(
                                new ClassFileImporter()
                                        .importClasses(dcl.registry.domain.model.SourceField.class))
                        .hasViolation());
    }

    @Test
    void givenTheDrivingAdapters_whenTheirDependenciesAreChecked_thenTheyUseInboundPortsOnly() {
        DRIVING_ADAPTERS_CALL_USE_CASES_ONLY.check(production);
        DRIVING_ADAPTERS_DO_NOT_DRIVE_OUTBOUND_PORTS.check(production);
    }

    @Test
    void givenTheApplication_whenItsShapeIsChecked_thenServicesImplementPortsDeclaredInTheDomain() {
        APPLICATION_SERVICES_IMPLEMENT_USE_CASES.check(production);
        PORTS_ARE_INTERFACES.check(production);
        PORTS_LIVE_IN_THE_DOMAIN.check(production);
    }

    @Test
    void givenTheApplication_whenItsDependenciesAreChecked_thenInfrastructureIsInAdapters() {
        APPLICATION_HOLDS_NO_VECTORS.check(production);
        APPLICATION_OPENS_NO_FILES.check(production);
    }

    @Test
    void databaseStoresAreReachedThroughPorts() {
        DATABASE_STORES_ARE_REACHED_THROUGH_PORTS.check(production);
    }

    @Test
    void givenAPublicStore_whenTheStoreRuleRuns_thenItIsReported() {
        assertReported(DATABASE_STORES_ARE_REACHED_THROUGH_PORTS, JpaOpenStore.class);
    }

    @Test
    void givenAResourceInjectingAService_whenTheDrivingRuleRuns_thenItIsReported() {
        assertReported(DRIVING_ADAPTERS_CALL_USE_CASES_ONLY, ResourceUsingService.class);
        assertFalse(
                DRIVING_ADAPTERS_CALL_USE_CASES_ONLY
                        .evaluate(new ClassFileImporter().importClasses(WebhookResource.class))
                        .hasViolation());
    }

    @Test
    void givenABatchletUsingAnOutboundPort_whenTheDrivingRuleRuns_thenItIsReported() {
        assertReported(DRIVING_ADAPTERS_DO_NOT_DRIVE_OUTBOUND_PORTS, BatchletUsingTables.class);
        assertFalse(
                DRIVING_ADAPTERS_DO_NOT_DRIVE_OUTBOUND_PORTS
                        .evaluate(
                                new ClassFileImporter()
                                        .importClasses(BackupBatchlet.class, BatchJobRunner.class))
                        .hasViolation(),
                "a batchlet using a use case, and the runtime behind JobRunner, are allowed");
    }

    @Test
    void givenAServiceWithoutAPort_whenTheUseCaseRuleRuns_thenItIsReported() {
        assertReported(APPLICATION_SERVICES_IMPLEMENT_USE_CASES, UnportedService.class);
        assertFalse(
                APPLICATION_SERVICES_IMPLEMENT_USE_CASES
                        .evaluate(new ClassFileImporter().importClasses(WebhookService.class))
                        .hasViolation());
    }

    @Test
    void givenAPortOutsideTheDomainOrAClassAsAPort_whenThePortRulesRun_thenTheyAreReported() {
        assertReported(PORTS_LIVE_IN_THE_DOMAIN, UnitOfWork.class);
        assertReported(PORTS_ARE_INTERFACES, StoreAsClass.class);
    }

    @Test
    void givenInfrastructureInTheApplication_whenTheInfrastructureRulesRun_thenTheyReportIt() {
        assertReported(APPLICATION_HOLDS_NO_VECTORS, VectorCache.class);
        assertReported(APPLICATION_OPENS_NO_FILES, FolderReader.class);
    }

    @Test
    void givenTheCode_whenJsonIsBuilt_thenTheProviderIsLookedUpOncePerClass() {
        JSON_PROVIDER_LOOKED_UP_ONCE.check(production);
    }

    @Test
    void givenAJsonFactoryCallPerRow_whenTheJsonRuleRuns_thenItIsReported() {
        assertReported(JSON_PROVIDER_LOOKED_UP_ONCE, JsonPerCall.class);
    }

    private static void assertReported(ArchRule rule, Class<?> violation) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(violation));
        assertTrue(result.hasViolation(), violation.getSimpleName() + " must be reported");
        assertTrue(
                result.getFailureReport().toString().contains(violation.getSimpleName()),
                result.getFailureReport().toString());
    }
}
