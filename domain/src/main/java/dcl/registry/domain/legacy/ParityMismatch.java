package dcl.registry.domain.legacy;

/**
 * A legacy entry the registry answers differently. {@code attribute} names what differs: {@code
 * missing} (no ACTIVE mapping), {@code canonicalEntity}, {@code canonicalField} or {@code
 * transform}.
 */
public record ParityMismatch(
        String connector,
        String table,
        String field,
        String attribute,
        String expected,
        String actual) {}
