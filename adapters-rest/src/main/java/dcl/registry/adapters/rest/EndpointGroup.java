package dcl.registry.adapters.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

/**
 * The group a resource method's requests are counted and timed in ({@code group} tag of {@code
 * dcl_requests}). On the class for all its methods, or on a method to override the class. Every
 * resource method must have one ({@code EndpointGroupTest}): a new endpoint chooses its group, and
 * the label set stays the few values of {@link Group}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface EndpointGroup {
    Group value();

    /** The bounded set of groups. */
    enum Group {
        /** The runtime's reads of single fields: the field lookup and the record transform. */
        LOOKUP,
        /** The runtime's read of a table's mapping set. */
        TABLE_SET,
        /** Lists, searches, reads by id, history and the change feed. */
        LIST_SEARCH,
        /** Changes to mappings and the canonical schema. */
        WRITE,
        INTELLIGENCE,
        APPROVALS,
        JOBS,
        /** Rollout settings and webhooks. */
        ADMIN,
        /** Requests that matched no resource method (unknown path, wrong HTTP method). */
        OTHER;

        /** Whether the runtime's availability promise covers it (the runtime's reads). */
        public boolean runtimeRead() {
            return this == LOOKUP || this == TABLE_SET || this == LIST_SEARCH;
        }

        /** The tag value: {@code table-set}, {@code list-search}, … */
        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
