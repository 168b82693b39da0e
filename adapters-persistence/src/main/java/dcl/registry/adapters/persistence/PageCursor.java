package dcl.registry.adapters.persistence;

import dcl.registry.domain.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque cursor of mapping lists: the sort key of the last item served. */
record PageCursor(String connector, String tableKey, String field) {
  private static final String SEPARATOR = "\u0000";

  String encode() {
    String raw = connector + SEPARATOR + tableKey + SEPARATOR + field;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static PageCursor decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split(SEPARATOR, -1);
      if (parts.length != 3) {
        throw new IllegalArgumentException("wrong number of parts");
      }
      return new PageCursor(parts[0], parts[1], parts[2]);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("cursor", "is not a cursor this service issued; use the 'next' value of a previous page");
    }
  }
}
