package dcl.registry.adapters.rest;

import dcl.registry.adapters.rest.EndpointGroup.Group;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Writes one log line for a sampled share of field lookups ({@code dcl.log.lookups.sample-rate}):
 * who asked for which field, the status, how long it took and whether the cache answered, as JSON
 * fields ({@link LogFields}). Also the owner of the request's log fields: they are cleared when a
 * request starts and when it ends, since Liberty keeps them on a thread that goes on to serve other
 * requests.
 */
@Provider
@PreMatching
@Priority(0) // first in, last out: the time covers the other filters, the fields outlive them
@ApplicationScoped
public class LookupLog implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = Logger.getLogger(LookupLog.class.getName());
    private static final String STARTED = LookupLog.class.getName() + ".started";

    @Inject LookupSampling sampling;

    @Context ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        LogFields.clear();
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            if (request.getProperty(STARTED) instanceof Long start && isFieldLookup(request)) {
                answered(response.getStatus(), start);
            }
        } finally {
            LogFields.clear();
        }
    }

    /**
     * The line for a field lookup answered with this status, when the lookup is sampled; for every
     * answer, whichever way it was given ({@link LookupFastPath} too).
     */
    void answered(int status, long startNanos) {
        if (sampling.sampled()) {
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            LogFields.put(LogFields.STATUS, Integer.toString(status));
            LogFields.put(LogFields.DURATION_MS, milliseconds(took));
            LOG.info(message(LogFields.current(), status, took));
        }
    }

    /**
     * {@code GET /dcl/mappings/{connector}/{table}/{field}}: the lookup group's one GET ({@code
     * POST /dcl/transform}, the other lookup, names no single field).
     */
    private boolean isFieldLookup(ContainerRequestContext request) {
        return HttpMethod.GET.equals(request.getMethod())
                && RequestMetrics.groupOf(resource.getResourceClass(), resource.getResourceMethod())
                        == Group.LOOKUP;
    }

    /**
     * The line as plain text reads it: {@code Lookup acme salesforce/Opportunity/Amount: 200 in
     * 1.250 ms, cache hit}. The tenant and the field are known once the lookup's input was valid,
     * the cache's answer once the cache was read.
     */
    static String message(Map<String, String> fields, int status, Duration took) {
        StringBuilder line = new StringBuilder("Lookup");
        if (fields.containsKey(LogFields.TENANT)) {
            line.append(' ').append(fields.get(LogFields.TENANT));
        }
        if (fields.containsKey(LogFields.FIELD)) {
            line.append(' ')
                    .append(fields.get(LogFields.CONNECTOR))
                    .append('/')
                    .append(fields.get(LogFields.TABLE))
                    .append('/')
                    .append(fields.get(LogFields.FIELD));
        }
        line.append(": ").append(status).append(" in ").append(milliseconds(took)).append(" ms");
        String cacheHit = fields.get(LogFields.CACHE_HIT);
        if (cacheHit != null) {
            line.append(Boolean.parseBoolean(cacheHit) ? ", cache hit" : ", cache miss");
        }
        return line.toString();
    }

    private static String milliseconds(Duration took) {
        return String.format(Locale.ROOT, "%.3f", took.toNanos() / 1_000_000.0);
    }
}
