package dcl.registry.domain.legacy;

/** Why an entry (or a whole file or table, then field is null) of a legacy file was not taken. */
public record LegacyProblem(String file, String table, String field, String reason) {}
