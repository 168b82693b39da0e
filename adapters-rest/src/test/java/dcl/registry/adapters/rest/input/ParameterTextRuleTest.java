package dcl.registry.adapters.rest.input;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.InvalidInput.Violation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterTextRuleTest {
    private static MultivaluedMap<String, String> params(String... namesAndValues) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).sorted().toList();
    }

    /** A request as JAX-RS hands it to filters: only the URI's parameters are asked for. */
    private static ContainerRequestContext request(
            MultivaluedMap<String, String> path, MultivaluedMap<String, String> query) {
        UriInfo uri =
                (UriInfo)
                        Proxy.newProxyInstance(
                                UriInfo.class.getClassLoader(),
                                new Class<?>[] {UriInfo.class},
                                (proxy, method, args) ->
                                        switch (method.getName()) {
                                            case "getPathParameters" -> {
                                                assertEquals(
                                                        false,
                                                        args[0],
                                                        "parameters are checked as sent, before the"
                                                                + " runtime decodes them");
                                                yield path;
                                            }
                                            case "getQueryParameters" -> {
                                                assertEquals(
                                                        false,
                                                        args[0],
                                                        "parameters are checked as sent, before the"
                                                                + " runtime decodes them");
                                                yield query;
                                            }
                                            default ->
                                                    throw new UnsupportedOperationException(
                                                            method.getName());
                                        });
        return (ContainerRequestContext)
                Proxy.newProxyInstance(
                        ContainerRequestContext.class.getClassLoader(),
                        new Class<?>[] {ContainerRequestContext.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("getUriInfo")) {
                                return uri;
                            }
                            throw new UnsupportedOperationException(method.getName());
                        });
    }

    @Test
    void givenNulInAQueryParameter_whenFiltered_thenA400NamesTheParameter() {
        InvalidInput error =
                assertThrows(
                        InvalidInput.class,
                        () ->
                                new ParameterTextRule()
                                        .filter(
                                                request(
                                                        params(),
                                                        params("q", "amount%00", "limit", "10"))));
        assertEquals(List.of("q"), fields(error.violations()));
        assertTrue(error.violations().get(0).message().contains("U+0000"));
    }

    @Test
    void givenNulOrAnotherControlInAPathParameter_whenFiltered_thenA400NamesTheParameter() {
        assertEquals(
                List.of("field", "table"),
                fields(
                        ParameterTextRule.violations(
                                params(
                                        "connector",
                                        "salesforce",
                                        "table",
                                        "Opp%00",
                                        "field",
                                        "Amount%0A"),
                                params())));
        assertEquals(
                List.of("connector"),
                fields(ParameterTextRule.violations(params("connector", "sf%09"), params())));
        assertEquals(
                List.of("entity"),
                fields(ParameterTextRule.violations(params("entity", "a%7F"), params())));
        assertEquals(
                List.of("entity"),
                fields(ParameterTextRule.violations(params("entity", "a%C2%85"), params())));
    }

    @Test
    void givenEncodedSurrogatesOrBytesThatAreNotUtf8_whenFiltered_thenTheyAreRefusedNotReplaced() {
        List<Violation> found =
                ParameterTextRule.violations(
                        params("field", "%ED%A0%80"),
                        params("q", "%FF", "entity", "%C3", "cursor", "%zz", "reason", "50%"));
        assertEquals(List.of("cursor", "entity", "field", "q", "reason"), fields(found));
        found.forEach(v -> assertEquals("must be correctly percent-encoded UTF-8", v.message()));
        assertEquals(
                Optional.empty(),
                ParameterTextRule.decoded("a\uD800", true),
                "a lone surrogate already decoded");
    }

    @Test
    void givenOrdinaryParameters_whenFiltered_thenNothingIsRefused() {
        assertDoesNotThrow(
                () ->
                        new ParameterTextRule()
                                .filter(
                                        request(
                                                params(
                                                        "connector",
                                                        "salesforce",
                                                        "table",
                                                        "Opportunity",
                                                        "field",
                                                        "Billing%20Address.City"),
                                                params(
                                                        "q",
                                                        "closed+won",
                                                        "status",
                                                        "ACTIVE",
                                                        "minAge",
                                                        "PT2H",
                                                        "reason",
                                                        "caf%C3%A9",
                                                        "emoji",
                                                        "%F0%9F%98%80",
                                                        "cursor",
                                                        "eyJ2IjoxfQ%3D%3D",
                                                        "empty",
                                                        ""))));
        assertEquals(Optional.of("closed won"), ParameterTextRule.decoded("closed+won", true));
        assertEquals(
                Optional.of("a+b"),
                ParameterTextRule.decoded("a+b", false),
                "+ is a plus sign in a path");
        assertEquals(Optional.of("\uD83D\uDE00"), ParameterTextRule.decoded("%F0%9F%98%80", false));
        assertEquals(
                Optional.of("é"),
                ParameterTextRule.decoded("é", true),
                "already decoded text passes as it is");
    }

    @Test
    void givenABadParameterName_whenFiltered_thenItIsShownEscaped() {
        List<Violation> found = ParameterTextRule.violations(params(), params("a%00b", "1"));
        assertEquals(1, found.size());
        assertFalse(found.get(0).field().contains("\u0000"));
        assertTrue(found.get(0).message().startsWith("is a parameter name that"));
    }

    @Test
    void givenSeveralBadParameters_whenFiltered_thenEveryOneIsListed() {
        InvalidInput error =
                assertThrows(
                        InvalidInput.class,
                        () ->
                                new ParameterTextRule()
                                        .filter(
                                                request(
                                                        params("id", "x%00"),
                                                        params(
                                                                "q",
                                                                "%00",
                                                                "entity",
                                                                "%01",
                                                                "connector",
                                                                "ok"))));
        assertEquals(List.of("entity", "id", "q"), fields(error.violations()));
    }
}
