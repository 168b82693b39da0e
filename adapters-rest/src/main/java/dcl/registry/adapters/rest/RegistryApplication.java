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
        security = @SecurityRequirement(name = "jwt"))
@SecurityScheme(
        securitySchemeName = "jwt",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT")
public class RegistryApplication extends Application {}
