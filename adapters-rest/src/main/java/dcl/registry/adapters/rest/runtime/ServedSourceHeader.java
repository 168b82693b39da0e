package dcl.registry.adapters.rest.runtime;

import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.domain.port.in.RolloutUseCase;
import dcl.registry.domain.rollout.RolloutSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * No silent fallback: a lookup or transform answered from the legacy YAML (tenant rolled back) says
 * so in {@code X-DCL-Source: yaml} and a {@code Warning}; the registry's answers carry {@code
 * X-DCL-Source: registry}. While the database is out of reach and the rollout settings in force
 * cannot be confirmed, {@code X-DCL-Rollout-Age} gives their age in seconds.
 */
@Provider
@ApplicationScoped
public class ServedSourceHeader implements ContainerResponseFilter {
    @Inject Caller caller;
    @Inject RolloutUseCase rollout;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        boolean runtimeRead =
                (path.startsWith("/mappings/")
                                && "GET".equals(request.getMethod())
                                && !path.startsWith("/mappings/changes"))
                        || path.startsWith("/transform");
        int status = response.getStatus();
        if (!runtimeRead
                || request.getSecurityContext().getUserPrincipal() == null
                || status == 401
                || status == 403
                || status >= 500) {
            return;
        }
        RolloutSettings settings = rollout.current(caller.tenant());
        response.getHeaders().putSingle("X-DCL-Source", settings.servedBy().wireName());
        rollout.staleness(caller.tenant())
                .ifPresent(
                        age ->
                                response.getHeaders()
                                        .putSingle(
                                                "X-DCL-Rollout-Age",
                                                Long.toString(age.toSeconds())));
        if (settings.yamlAnswers()) {
            response.getHeaders()
                    .putSingle(
                            "Warning",
                            "199 dcl \"served from the legacy YAML folder "
                                    + settings.legacyPath().orElse("")
                                    + " (source of truth: yaml)\"");
        }
    }
}
