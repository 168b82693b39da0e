package dcl.registry.adapters.rest;

import dcl.registry.adapters.rest.problem.Problem;
import dcl.registry.domain.error.InvalidInput;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;
import java.util.Optional;

/** ETags are versions: {@code "3"}. */
public final class EntityTags {
    private EntityTags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The ETag header's value for {@link #of}: the version in quotes, {@code "3"}. */
    public static String header(long version) {
        return '"' + Long.toString(version) + '"';
    }

    /**
     * The tag an If-None-Match header names when it names exactly one, without a weakness prefix
     * ({@code W/"3"} is {@code "3"}: If-None-Match compares weakly, RFC 9110); empty for a list or
     * {@code *}, which the full evaluation decides.
     */
    public static Optional<String> singleTag(String ifNoneMatch) {
        String tag = ifNoneMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 2
                || tag.charAt(0) != '"'
                || tag.charAt(tag.length() - 1) != '"'
                || tag.substring(1, tag.length() - 1).indexOf('"') >= 0) {
            return Optional.empty();
        }
        return Optional.of(tag);
    }

    /**
     * The version named by an If-Match header ({@code "3"}, or {@code 3}); empty when absent.
     *
     * @throws WebApplicationException a 412 problem for a weak tag ({@code W/"3"}): If-Match
     *     compares strongly, so a weak tag never matches (RFC 9110, 13.1.1)
     */
    public static Optional<Long> version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Optional.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            throw new WebApplicationException(
                    Problem.of(
                                    412,
                                    "precondition-failed",
                                    "Precondition failed",
                                    "If-Match names a weak tag ("
                                            + tag
                                            + "), which never matches: If-Match compares tags"
                                            + " strongly (RFC 9110). Send the ETag as it was"
                                            + " given, such as \"3\".")
                            .toResponse());
        }
        tag = tag.replace("\"", "");
        try {
            return Optional.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw new InvalidInput(
                    "If-Match",
                    "must be the mapping's ETag, a quoted version such as \"3\" (got "
                            + ifMatch
                            + ")");
        }
    }
}
