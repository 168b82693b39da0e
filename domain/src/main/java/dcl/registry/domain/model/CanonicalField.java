package dcl.registry.domain.model;

import java.util.regex.Pattern;

/** Where a value goes in the canonical model: {@code opportunity.amount}. */
public record CanonicalField(String entity, String field) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");
  private static final String RULE = "must start with a letter and hold only letters, digits and '_'";

  public CanonicalField {
    Text.requirePattern("canonicalEntity", entity, NAME, RULE);
    Text.requirePattern("canonicalField", field, NAME, RULE);
  }

  @Override
  public String toString() {
    return entity + "." + field;
  }
}
