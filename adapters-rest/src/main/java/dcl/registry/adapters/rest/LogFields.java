package dcl.registry.adapters.rest;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fields of every log line written on the request's thread while they are set, through Open
 * Liberty's {@code LogRecordContext}: the JSON log shows each as {@code ext_<name>}, a {@code
 * _bool}, {@code _int} or {@code _float} ending making the value a JSON boolean or number. The API
 * is reached by name because Liberty publishes no Maven artifact for it (it is an {@code ibm-api}
 * package the application sees by default); outside Liberty, in unit tests, the fields go nowhere.
 * Liberty keeps them per thread and threads serve one request after another, so whoever sets them
 * clears them ({@link LookupLog}).
 */
final class LogFields {
    static final String TENANT = "tenant";
    static final String CONNECTOR = "connector";
    static final String TABLE = "table";
    static final String FIELD = "field";

    /**
     * Set by the persistence adapter's mapping cache during a request that has a {@link #TENANT}
     * (the two adapters share only this name).
     */
    static final String CACHE_HIT = "cacheHit_bool";

    static final String STATUS = "status_int";
    static final String DURATION_MS = "durationMs_float";

    /** Every field a request may leave on its thread. */
    static final List<String> ALL =
            List.of(TENANT, CONNECTOR, TABLE, FIELD, CACHE_HIT, STATUS, DURATION_MS);

    private static final String CONTEXT = "com.ibm.websphere.logging.hpel.LogRecordContext";
    private static final MethodHandle ADD;
    private static final MethodHandle REMOVE;
    private static final MethodHandle READ;

    static {
        MethodHandle add = null;
        MethodHandle remove = null;
        MethodHandle read = null;
        try {
            Class<?> context = Class.forName(CONTEXT, true, LogFields.class.getClassLoader());
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            add =
                    lookup.findStatic(
                            context,
                            "addExtension",
                            MethodType.methodType(void.class, String.class, String.class));
            remove =
                    lookup.findStatic(
                            context,
                            "removeExtension",
                            MethodType.methodType(boolean.class, String.class));
            read =
                    lookup.findStatic(
                            context, "getExtensions", MethodType.methodType(void.class, Map.class));
        } catch (ReflectiveOperationException notInLiberty) {
            // unit tests: no log context, the fields go nowhere
        }
        ADD = add;
        REMOVE = remove;
        READ = read;
    }

    private LogFields() {}

    static void put(String name, String value) {
        if (ADD == null) {
            return;
        }
        try {
            ADD.invokeExact(name, value);
        } catch (Throwable unexpected) {
            throw new IllegalStateException("Liberty's log context refused " + name, unexpected);
        }
    }

    static void clear() {
        if (REMOVE == null) {
            return;
        }
        for (String name : ALL) {
            try {
                boolean unused = (boolean) REMOVE.invokeExact(name);
            } catch (Throwable unexpected) {
                throw new IllegalStateException(
                        "Liberty's log context refused to remove " + name, unexpected);
            }
        }
    }

    /** The fields set on this thread. */
    static Map<String, String> current() {
        Map<String, String> fields = new HashMap<>();
        if (READ == null) {
            return fields;
        }
        try {
            READ.invokeExact((Map<?, ?>) fields);
        } catch (Throwable unexpected) {
            throw new IllegalStateException("Liberty's log context could not be read", unexpected);
        }
        return fields;
    }
}
