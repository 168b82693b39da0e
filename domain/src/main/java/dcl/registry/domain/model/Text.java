package dcl.registry.domain.model;

import dcl.registry.domain.error.InvalidInput;
import java.util.regex.Pattern;

/** Shared checks for the names that make up identities; package-private on purpose. */
final class Text {
  static final int MAX_NAME = 255;
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private Text() {}

  static String requireName(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInput(field, "must not be blank");
    }
    if (value.length() > MAX_NAME) {
      throw new InvalidInput(field, "must be at most " + MAX_NAME + " characters");
    }
    if (CONTROL.matcher(value).find()) {
      throw new InvalidInput(field, "must not contain control characters");
    }
    if (!value.equals(value.strip())) {
      throw new InvalidInput(field, "must not start or end with white space");
    }
    return value;
  }

  static String requirePattern(String field, String value, Pattern pattern, String rule) {
    requireName(field, value);
    if (!pattern.matcher(value).matches()) {
      throw new InvalidInput(field, rule + " (got '" + value + "')");
    }
    return value;
  }
}
