package dcl.registry.adapters.rest;

import dcl.registry.adapters.rest.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST API under {@code /dcl}, secured by MicroProfile JWT bearer tokens. */
@ApplicationPath("/dcl")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.VIEWER, Roles.SERVICE, Roles.REVIEWER, Roles.ADMIN, Roles.OPERATOR})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "DCL Mapping Registry",
                        version = "1",
                        description =
                                "Field mappings between connector data and the canonical model, per"
                                        + " tenant."),
        security = @SecurityRequirement(name = "jwt"),
        tags = {
            @Tag(name = "Approvals", description = "The human review of proposed changes"),
            @Tag(name = "Canonical schema", description = "The tenant's canonical model"),
            @Tag(name = "Console", description = "What the web console reads before sign-in"),
            @Tag(
                    name = "Intelligence",
                    description = "Proposals, similarity lookups, confidence and drift repair"),
            @Tag(name = "Jobs", description = "Jakarta Batch jobs: import, export, parity, backup"),
            @Tag(name = "Mappings", description = "Field mappings: read, search, write, history"),
            @Tag(name = "Rollout", description = "The tenant's source of truth and dual-read"),
            @Tag(name = "Runtime", description = "What the AAM runtime calls on its hot path"),
            @Tag(name = "Webhooks", description = "Notifications of approval events")
        })
@SecurityScheme(
        securitySchemeName = "jwt",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT")
public class RegistryApplication extends Application {}
