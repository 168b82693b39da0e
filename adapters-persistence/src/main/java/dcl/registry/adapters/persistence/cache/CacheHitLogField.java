package dcl.registry.adapters.persistence.cache;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether the mapping cache answered, as the {@code ext_cacheHit_bool} field of the log lines the
 * request writes afterwards (Open Liberty's {@code LogRecordContext}, reached by name: Liberty
 * publishes no Maven artifact for it). Set only on a thread whose request named its tenant: the
 * REST adapter sets the tenant and clears both when the request ends, while a job's cache read on a
 * pooled thread must leave nothing behind for the next log line there. Outside Liberty, in unit
 * tests, nothing is set.
 */
final class CacheHitLogField {
    /** The names the REST adapter's request log fields use. */
    static final String CACHE_HIT = "cacheHit_bool";

    static final String TENANT = "tenant";

    private static final String CONTEXT = "com.ibm.websphere.logging.hpel.LogRecordContext";
    private static final MethodHandle ADD;
    private static final MethodHandle READ;

    static {
        MethodHandle add = null;
        MethodHandle read = null;
        try {
            Class<?> context =
                    Class.forName(CONTEXT, true, CacheHitLogField.class.getClassLoader());
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            add =
                    lookup.findStatic(
                            context,
                            "addExtension",
                            MethodType.methodType(void.class, String.class, String.class));
            read =
                    lookup.findStatic(
                            context, "getExtensions", MethodType.methodType(void.class, Map.class));
        } catch (ReflectiveOperationException notInLiberty) {
            // unit tests: no log context
        }
        ADD = add;
        READ = read;
    }

    private CacheHitLogField() {}

    static void record(boolean hit) {
        if (ADD == null) {
            return;
        }
        Map<String, String> fields = new HashMap<>();
        try {
            READ.invokeExact((Map<?, ?>) fields);
            if (fields.containsKey(TENANT)) {
                ADD.invokeExact(CACHE_HIT, Boolean.toString(hit));
            }
        } catch (Throwable unexpected) {
            throw new IllegalStateException("Liberty's log context refused a field", unexpected);
        }
    }
}
