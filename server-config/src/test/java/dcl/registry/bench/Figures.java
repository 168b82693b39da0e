package dcl.registry.bench;

import java.util.Locale;

/** How the benchmarks print a figure: a figure that does not apply (NaN) as "-". */
public final class Figures {
    private Figures() {}

    public static String fmt(double value, String pattern) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, pattern, value);
    }
}
