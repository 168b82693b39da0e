package dcl.registry.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dcl.registry.archfixture.RuntimeSideWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon's rules, checked on the compiled classes of every module. */
class ArchitectureTest {
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
}
