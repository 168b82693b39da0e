package dcl.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobPathsTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");

    @TempDir Path root;

    @Test
    void givenATenantPath_whenResolved_thenItIsInsideTheTenantsOwnFolderWhichIsCreated() {
        Path resolved = new JobPaths(root).forTenant(ACME, "legacy/mappings");
        assertEquals(root.toAbsolutePath().resolve("acme/legacy/mappings"), resolved);
        assertTrue(Files.isDirectory(root.resolve("acme")));
    }

    @Test
    void givenAnotherTenantsFolder_whenReachedByDotsOrAbsolutePath_thenRefusedNamingTheField() {
        JobPaths paths = new JobPaths(root);
        Path theirs = paths.forTenant(GLOBEX, "exports");
        for (String attempt :
                new String[] {
                    "../globex/exports", "x/../../globex", theirs.toString(), "../_all-tenants/b"
                }) {
            InvalidInput refused =
                    assertThrows(
                            InvalidInput.class,
                            () -> paths.forTenant(ACME, "legacyPath", attempt),
                            attempt);
            assertEquals("legacyPath", refused.violations().get(0).field());
        }
    }

    @Test
    void givenALinkToAnotherTenantsFolder_whenFollowed_thenRefused() throws IOException {
        JobPaths paths = new JobPaths(root);
        Path theirs = paths.forTenant(GLOBEX, "exports");
        Files.createDirectories(theirs);
        Files.createSymbolicLink(paths.forTenant(ACME, "shortcut"), theirs);
        assertThrows(InvalidInput.class, () -> paths.forTenant(ACME, "shortcut/acme.yaml"));
    }

    @Test
    void
            givenAnOperatorJobForAllTenants_whenResolved_thenInsideTheAllTenantsFolderNoTenantCanName() {
        JobPaths paths = new JobPaths(root);
        assertEquals(
                root.toAbsolutePath().resolve("_all-tenants/backups/nightly"),
                paths.acrossTenants("backups/nightly"));
        assertThrows(InvalidInput.class, () -> paths.acrossTenants("../acme"));
        assertThrows(InvalidInput.class, () -> new TenantId("_all-tenants"));
    }

    @Test
    void givenAPathLongerThanTheJobStoreKeeps_whenResolved_thenRefusedInsteadOfFailingInTheJob() {
        InvalidInput refused =
                assertThrows(
                        InvalidInput.class,
                        () -> new JobPaths(root).forTenant(ACME, "a".repeat(260)));
        assertTrue(refused.violations().get(0).message().contains("at most 250 characters"));
    }

    @Test
    void givenNoPath_whenResolved_thenRequired() {
        assertThrows(InvalidInput.class, () -> new JobPaths(root).forTenant(ACME, " "));
    }
}
