package dcl.registry.adapters.rest;

import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import io.opentelemetry.api.trace.Span;

/**
 * Names the looked-up field on the request's span (the one mpTelemetry opens for every JAX-RS
 * request), so an operator's trace shows which tenant asked for which mapping, and as fields of
 * every log line the request writes ({@link LogFields}). Only identifiers: never a token or a
 * secret. Without tracing (the default) the current span is a no-op.
 */
final class LookupTrace {
    static final String TENANT = "dcl.tenant";
    static final String CONNECTOR = "dcl.connector";
    static final String TABLE = "dcl.table";
    static final String FIELD = "dcl.field";

    private LookupTrace() {}

    static void record(TenantId tenant, SourceRef source) {
        onSpan(tenant, source);
        asLogFields(tenant, source);
    }

    /** The lookup's names on the current span. */
    static void onSpan(TenantId tenant, SourceRef source) {
        Span.current()
                .setAttribute(TENANT, tenant.value())
                .setAttribute(CONNECTOR, source.connector().value())
                .setAttribute(TABLE, source.table().name())
                .setAttribute(FIELD, source.field().name());
    }

    /** The lookup's names as fields of the thread's log lines, until they are cleared. */
    static void asLogFields(TenantId tenant, SourceRef source) {
        LogFields.put(LogFields.TENANT, tenant.value());
        LogFields.put(LogFields.CONNECTOR, source.connector().value());
        LogFields.put(LogFields.TABLE, source.table().name());
        LogFields.put(LogFields.FIELD, source.field().name());
    }
}
