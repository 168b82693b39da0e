package dcl.registry.adapters.rest.input;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.InvalidInput.Violation;
import dcl.registry.domain.model.TextRule;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Path and query parameters keep {@link TextRule#NAME}: correctly percent-encoded UTF-8, and once
 * decoded no control character (NUL included) and no lone surrogate. Every parameter of the request
 * is checked, used or not, after authorization and before the resource runs; a breach is a 400
 * naming the parameter. Length and shape stay the business of each parameter's own rule.
 */
@Provider
@Priority(Priorities.USER)
public class ParameterTextRule implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        List<Violation> found;
        try {
            found = violations(uri.getPathParameters(false), uri.getQueryParameters(false));
        } catch (IllegalArgumentException unparsable) {
            // the runtime cannot even split a URI with a malformed escape ("?%=%") into parameters
            throw new InvalidInput(
                    "uri",
                    "is not correctly percent-encoded (each '%' must start an escape such as %20)");
        }
        if (!found.isEmpty()) {
            throw new InvalidInput(found);
        }
    }

    /** What is wrong with the parameters, given as they appear in the URI (percent-encoded). */
    static List<Violation> violations(
            MultivaluedMap<String, String> path, MultivaluedMap<String, String> query) {
        List<Violation> found = new ArrayList<>();
        check(found, path, false);
        check(found, query, true);
        return found;
    }

    private static void check(
            List<Violation> found, MultivaluedMap<String, String> parameters, boolean query) {
        if (parameters == null) {
            return;
        }
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            Optional<String> name = decoded(parameter.getKey(), query);
            String shown =
                    name.filter(TextRule.NAME::allows)
                            .map(n -> Shown.escaped(n, 64))
                            .orElse(Shown.quoted(parameter.getKey()));
            if (name.isEmpty()) {
                found.add(
                        new Violation(
                                shown,
                                "is a parameter name that is not correctly percent-encoded UTF-8"));
                continue;
            }
            Optional<String> nameBreach = TextRule.NAME.breach(name.get());
            if (nameBreach.isPresent()) {
                found.add(new Violation(shown, "is a parameter name that " + nameBreach.get()));
                continue;
            }
            for (String value :
                    parameter.getValue() == null ? List.<String>of() : parameter.getValue()) {
                Optional<String> text = decoded(value, query);
                Optional<String> breach =
                        text.isEmpty()
                                ? Optional.of("must be correctly percent-encoded UTF-8")
                                : TextRule.NAME.breach(text.get());
                if (breach.isPresent()) {
                    found.add(new Violation(shown, breach.get()));
                    break;
                }
            }
        }
    }

    /**
     * Percent-decodes as UTF-8, strictly: a malformed escape or byte sequence is empty, never
     * replaced. In a query, {@code +} is a space.
     */
    static Optional<String> decoded(String raw, boolean query) {
        if (raw == null) {
            return Optional.of("");
        }
        if (!TextRule.DATA.allows(raw)) {
            return Optional.empty(); // a lone surrogate cannot be UTF-8
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()
                        || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return Optional.empty();
                }
                bytes.write(
                        Character.digit(raw.charAt(i + 1), 16) * 16
                                + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+' && query) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        try {
            return Optional.of(
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes.toByteArray()))
                            .toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}
