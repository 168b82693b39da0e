package dcl.registry.adapters.rest;

import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.LookUpMappingUseCase;
import dcl.registry.domain.port.in.RolloutUseCase;
import dcl.registry.domain.rollout.SourceOfTruth;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.NotAuthorizedException;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The runtime's most frequent request — a field lookup the cache can answer — answered by the web
 * container, before JAX-RS: the body serialised once per version ({@link LookupBodies}), its ETag,
 * {@code X-DCL-Source: registry}, and the same metrics, SLO counts, sampled log line and span. Half
 * of a cached lookup's time was the platform's dispatch around it (docs/performance.md).
 *
 * <p>Every security check stays: the container has verified the token before any filter runs, the
 * roles are those {@link MappingReadResource} allows, the tenant is the token's. Everything else
 * goes on to JAX-RS untouched, before anything is counted: no token, another role, a query string,
 * {@code If-Match}, an escaped or unusual path, invalid names, rollout settings not confirmed, and
 * whatever the use case cannot answer from memory (a miss, not found, YAML, dual-read).
 */
@WebFilter(urlPatterns = LookupFastPath.MAPPINGS + "*", asyncSupported = true)
public class LookupFastPath extends HttpFilter {
    static final String MAPPINGS = "/dcl/mappings/";
    static final String ANSWERED = "dcl_lookup_fast_path";
    static final String ENABLED = "dcl.lookup.fast-path";
    private static final long serialVersionUID = 1L;

    /** The same roles as the lookup's resource, read from it: one list for both ways. */
    private static final List<String> ROLES =
            List.of(MappingReadResource.class.getAnnotation(RolesAllowed.class).value());

    private static final TextMapGetter<HttpServletRequest> HEADERS =
            new TextMapGetter<>() {
                @Override
                public Iterable<String> keys(HttpServletRequest request) {
                    return Collections.list(request.getHeaderNames());
                }

                @Override
                public String get(HttpServletRequest request, String name) {
                    return request == null ? null : request.getHeader(name);
                }
            };

    @Inject
    @ConfigProperty(name = ENABLED, defaultValue = "true")
    transient boolean enabled;

    @Inject transient LookUpMappingUseCase lookups;
    @Inject transient RolloutUseCase rollout;
    @Inject transient LookupBodies bodies;
    @Inject transient RequestMetrics metrics;
    @Inject transient LookupLog log;
    @Inject transient OpenTelemetry telemetry;
    @Inject transient Tracer tracer;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    transient MetricRegistry registry;

    private transient Counter answered;

    @Override
    public void init() {
        answered = registry.counter(ANSWERED);
    }

    @Override
    @SuppressWarnings("try") // the scope makes the span current; the body need not name it
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        Optional<Lookup> lookup = enabled ? Lookup.of(request) : Optional.empty();
        if (lookup.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        LogFields.clear();
        // the request's span when tracing is on: the cache read below is its child, as on the
        // JAX-RS way; should JAX-RS answer after all, its own span is this one's child
        Span span =
                tracer.spanBuilder("GET /dcl/mappings/{connector}/{table}/{field}")
                        .setSpanKind(SpanKind.SERVER)
                        .setParent(
                                telemetry
                                        .getPropagators()
                                        .getTextMapPropagator()
                                        .extract(Context.current(), request, HEADERS))
                        .setAttribute("http.method", "GET")
                        .setAttribute("http.route", "/dcl/mappings/{connector}/{table}/{field}")
                        .startSpan();
        try (Scope scope = span.makeCurrent()) {
            // first, so the cache's hit is on the log line too (CacheHitLogField)
            LookupTrace.asLogFields(lookup.get().tenant(), lookup.get().source());
            Optional<FieldMapping> mapping = inMemory(lookup.get());
            if (mapping.isEmpty()) {
                span.setAttribute("dcl.lookup.fast-path", false);
                LogFields.clear();
                chain.doFilter(request, response);
                return;
            }
            LookupTrace.onSpan(lookup.get().tenant(), lookup.get().source());
            int status = answer(mapping.get(), lookup.get(), response);
            span.setAttribute("dcl.lookup.fast-path", true)
                    .setAttribute("http.status_code", status);
            answered.inc();
            metrics.answered(
                    Group.LOOKUP,
                    status,
                    System.nanoTime() - start,
                    () -> Optional.of(lookup.get().tenant()));
            log.answered(status, start);
        } finally {
            span.end();
            LogFields.clear();
        }
    }

    /** The use case's answer from memory, for a tenant whose rollout settings are confirmed. */
    private Optional<FieldMapping> inMemory(Lookup lookup) {
        if (rollout.staleness(lookup.tenant()).isPresent()) {
            return Optional.empty(); // JAX-RS says how old they are (X-DCL-Rollout-Age)
        }
        return lookups.lookUpInMemory(lookup.tenant(), lookup.source());
    }

    /** 304 when If-None-Match names this version, else the body; both tagged with the version. */
    private int answer(FieldMapping mapping, Lookup lookup, HttpServletResponse response)
            throws IOException {
        String etag = EntityTags.header(mapping.version());
        response.setHeader("ETag", etag);
        response.setHeader("X-DCL-Source", SourceOfTruth.REGISTRY.wireName());
        if (lookup.ifNoneMatch().filter(etag::equals).isPresent()) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return HttpServletResponse.SC_NOT_MODIFIED;
        }
        byte[] body = bodies.of(mapping);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return HttpServletResponse.SC_OK;
    }

    /**
     * A request this filter may answer: {@code GET /dcl/mappings/{connector}/{table}/{field}}
     * without query, {@code If-Match} or escapes, by a caller in one of the lookup's roles, with
     * valid names; the tenant is the verified token's. {@code ifNoneMatch} is the one tag an
     * If-None-Match header names (a list or {@code *} is left to JAX-RS).
     */
    record Lookup(TenantId tenant, SourceRef source, Optional<String> ifNoneMatch) {
        static Optional<Lookup> of(HttpServletRequest request) {
            String ifNoneMatchHeader = request.getHeader("If-None-Match");
            Optional<String> ifNoneMatch =
                    ifNoneMatchHeader == null
                            ? Optional.empty()
                            : EntityTags.singleTag(ifNoneMatchHeader);
            if (!"GET".equals(request.getMethod())
                    || request.getQueryString() != null
                    || request.getHeader("If-Match") != null
                    || (ifNoneMatchHeader != null && ifNoneMatch.isEmpty())) {
                return Optional.empty();
            }
            Optional<String[]> names =
                    names(request.getRequestURI().substring(request.getContextPath().length()));
            if (names.isEmpty()
                    || !(request.getUserPrincipal() instanceof JsonWebToken token)
                    || ROLES.stream().noneMatch(request::isUserInRole)) {
                return Optional.empty();
            }
            try {
                return Optional.of(
                        new Lookup(
                                Caller.tenantOf(token),
                                new SourceRef(
                                        new ConnectorId(names.get()[0]),
                                        new SourceTable(names.get()[1]),
                                        new SourceField(names.get()[2])),
                                ifNoneMatch));
            } catch (InvalidInput | NotAuthorizedException notForHere) {
                return Optional.empty(); // JAX-RS answers it with its problem document
            }
        }

        /**
         * Connector, table and field of a lookup path, as JAX-RS would match them; empty for any
         * path JAX-RS might read otherwise: escapes and matrix parameters (raw and decoded text
         * differ), empty segments, a trailing slash, {@code /dcl/mappings/changes/…}.
         */
        static Optional<String[]> names(String path) {
            if (!path.startsWith(MAPPINGS)
                    || path.indexOf('%') >= 0
                    || path.indexOf(';') >= 0
                    || path.contains("//")
                    || path.endsWith("/")) {
                return Optional.empty();
            }
            String rest = path.substring(MAPPINGS.length());
            int afterConnector = rest.indexOf('/');
            int afterTable = afterConnector < 0 ? -1 : rest.indexOf('/', afterConnector + 1);
            if (afterConnector <= 0 || afterTable < 0) {
                return Optional.empty();
            }
            String connector = rest.substring(0, afterConnector);
            if (connector.equals("changes")) {
                return Optional.empty();
            }
            return Optional.of(
                    new String[] {
                        connector,
                        rest.substring(afterConnector + 1, afterTable),
                        rest.substring(afterTable + 1)
                    });
        }
    }
}
