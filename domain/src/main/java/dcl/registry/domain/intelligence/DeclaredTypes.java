package dcl.registry.domain.intelligence;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What declared type names (of a source field or a canonical field) mean when a repair compares
 * them.
 */
public final class DeclaredTypes {
    private static final Pattern NUMERIC =
            Pattern.compile(
                    "number|numeric|decimal|double|float|int|integer|long|currency|percent");

    private DeclaredTypes() {}

    public static boolean isNumeric(String type) {
        return NUMERIC.matcher(type.trim().toLowerCase(Locale.ROOT)).matches();
    }
}
