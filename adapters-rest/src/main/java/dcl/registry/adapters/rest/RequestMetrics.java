package dcl.registry.adapters.rest;

import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.RecordServiceLevelsUseCase;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Times every request into {@code dcl_requests} tagged with its {@link EndpointGroup} and outcome,
 * counts lookups answered 404 in {@code dcl_lookup_not_found}, and hands the runtime's reads to the
 * SLO counts. Only bounded tags: no path, no field; the tenant only when {@code
 * dcl.metrics.tenant-labels} is on, because /metrics is scraped without a token.
 */
@Provider
@PreMatching
@Priority(0) // before every other filter, so the time includes authorization and input checks
@ApplicationScoped
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {
    static final String REQUESTS = "dcl_requests";
    static final String LOOKUP_NOT_FOUND = "dcl_lookup_not_found";
    private static final String STARTED = RequestMetrics.class.getName() + ".started";

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "dcl.metrics.tenant-labels", defaultValue = "false")
    boolean tenantLabels;

    @Inject Caller caller;

    @Inject RecordServiceLevelsUseCase serviceLevels;

    @Context ResourceInfo resource;

    /**
     * The timers of (tenant when labelled ×) {@link Group} × outcome, as the registry holds them:
     * kept, rather than looked up there (tags validated and all) on every request.
     */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    private final Map<Method, Group> groups = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (!(started instanceof Long start)) {
            return; // the runtime answered before the filters ran: nothing to time
        }
        answered(
                groupOf(resource.getResourceMethod(), resource.getResourceClass()),
                response.getStatus(),
                System.nanoTime() - start,
                () -> tenant(request));
    }

    /**
     * Times an answer into {@code dcl_requests}, counts a lookup's 404 and hands a runtime read to
     * the SLO counts: for every answer, whichever way it was given ({@link LookupFastPath} too).
     */
    void answered(Group group, int status, long nanos, Supplier<Optional<TenantId>> tenantOf) {
        Tag[] tenant =
                tenantLabels
                        ? new Tag[] {
                            new Tag("tenant", tenantOf.get().map(TenantId::value).orElse("none"))
                        }
                        : new Tag[0];
        String outcome = outcome(status);
        String key =
                (tenantLabels ? tenant[0].getTagValue() : "") + ' ' + group.tag() + ' ' + outcome;
        timers.computeIfAbsent(
                        key,
                        k -> {
                            List<Tag> tags = new ArrayList<>(List.of(tenant));
                            tags.add(new Tag("group", group.tag()));
                            tags.add(new Tag("outcome", outcome));
                            return registry.timer(REQUESTS, tags.toArray(Tag[]::new));
                        })
                .update(Duration.ofNanos(nanos));
        if (group == Group.LOOKUP && status == 404) {
            registry.counter(LOOKUP_NOT_FOUND, tenant).inc();
        }
        if (group.runtimeRead()) {
            serviceLevels.readAnswered(tenantOf.get(), group == Group.LOOKUP, status >= 500, nanos);
        }
    }

    /**
     * The group of a matched resource method, worked out once per method: the hot path asks for it
     * on every request.
     */
    private Group groupOf(Method method, Class<?> resourceClass) {
        if (method == null) {
            return groupOf(resourceClass, null);
        }
        return groups.computeIfAbsent(method, m -> groupOf(resourceClass, m));
    }

    /** The method's group, else its class's; {@code OTHER} when no resource method matched. */
    static Group groupOf(Class<?> resourceClass, Method method) {
        if (method != null && method.isAnnotationPresent(EndpointGroup.class)) {
            return method.getAnnotation(EndpointGroup.class).value();
        }
        if (resourceClass != null && resourceClass.isAnnotationPresent(EndpointGroup.class)) {
            return resourceClass.getAnnotation(EndpointGroup.class).value();
        }
        return Group.OTHER;
    }

    static String outcome(int status) {
        if (status >= 500) {
            return "server_error";
        }
        return status >= 400 ? "client_error" : "success";
    }

    /**
     * The token's tenant; {@code none} for a request without a usable one (always the same keys).
     */
    private Optional<TenantId> tenant(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(caller.tenant());
        } catch (NotAuthorizedException noTenant) {
            return Optional.empty();
        }
    }
}
