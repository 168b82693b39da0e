package dcl.registry.adapters.rest.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UnreadableBodyMapperTest {
    /** Package names, and nested class names such as {@code WebhookResource$WebhookRequest}. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*\\.|\\$|[A-Z]\\w*Exception\\b");

    private static JsonLocation at(long line, long column) {
        return new JsonLocation() {
            @Override
            public long getLineNumber() {
                return line;
            }

            @Override
            public long getColumnNumber() {
                return column;
            }

            @Override
            public long getStreamOffset() {
                return column - 1;
            }
        };
    }

    /**
     * What the runtime throws when JSON-B cannot read a body, as seen in the attack run and in
     * RESTEasy and Yasson.
     */
    private static final List<Throwable> TYPICAL =
            List.of(
                    new JsonbException(
                            "Json property connector can not be mapped to class"
                                    + " dcl.registry.adapters.rest.admin.CreateMappingRequest"),
                    new ProcessingException(
                            "RESTEASY008200: JSON Binding deserialization error:"
                                    + " jakarta.json.bind.JsonbException: Json property url can not be"
                                    + " mapped to class"
                                    + " dcl.registry.adapters.rest.admin.WebhookResource$WebhookRequest",
                            new JsonbException(
                                    "Json property url can not be mapped to class "
                                            + "dcl.registry.adapters.rest.admin.WebhookResource$WebhookRequest")),
                    new ProcessingException(
                            "RESTEASY008200: JSON Binding deserialization error:"
                                    + " jakarta.json.bind.JsonbException: Unable to deserialize"
                                    + " property 'sourceField' because of: Cannot cast class"
                                    + " java.math.BigDecimal to class java.lang.String",
                            new JsonbException(
                                    "Unable to deserialize property 'sourceField' because of:"
                                            + " Cannot cast class java.math.BigDecimal",
                                    new ClassCastException(
                                            "class java.math.BigDecimal cannot be cast to class"
                                                    + " java.lang.String (java.math.BigDecimal and"
                                                    + " java.lang.String are in module java.base of"
                                                    + " loader 'bootstrap')"))),
                    new JsonbException(
                            "Internal error: Cannot create instance of a class: class"
                                    + " dcl.registry.adapters.rest.Foo, No default constructor found."),
                    new ProcessingException(
                            "RESTEASY008200: JSON Binding deserialization error:"
                                    + " jakarta.json.bind.JsonbException: Internal error: Invalid"
                                    + " token=CURLYCLOSE at (line no=1, column no=18, offset=17)."
                                    + " Expected tokens are: [STRING]",
                            new JsonbException(
                                    "Internal error: Invalid token=CURLYCLOSE",
                                    new JsonParsingException(
                                            "Invalid token=CURLYCLOSE at (line no=1, column no=18,"
                                                    + " offset=17). Expected tokens are: [STRING]",
                                            at(1, 18)))),
                    new ProcessingException(
                            "java.lang.NullPointerException", new NullPointerException()),
                    new JsonbException(
                            "Error deserializing object from JSON:"
                                    + " org.eclipse.yasson.internal.Something$Inner"),
                    new ProcessingException((String) null));

    @Test
    void givenTypicalRuntimeFailures_whenAnswered_thenNoJavaClassOrPackageNameComesOut() {
        for (Throwable failure : TYPICAL) {
            Map<String, Object> body = UnreadableBodyMapper.unreadable(failure).body();
            String shown = body.toString();
            assertFalse(CLASS_NAME.matcher(shown).find(), shown);
            for (String internal :
                    new String[] {
                        "dcl.registry",
                        "java.",
                        "jakarta.",
                        "org.",
                        "RESTEASY",
                        "Yasson",
                        "CURLYCLOSE"
                    }) {
                assertFalse(shown.contains(internal), internal + " in " + shown);
            }
            assertEquals(400, body.get("status"));
            assertFalse(((String) body.get("detail")).isBlank());
        }
    }

    @Test
    void givenAKnownFieldInTheMessage_whenAnswered_thenTheProblemNamesItWithItsExpectation() {
        Map<String, Object> unknown = UnreadableBodyMapper.unreadable(TYPICAL.get(1)).body();
        assertEquals(
                List.of(
                        Map.of(
                                "field",
                                "url",
                                "message",
                                "is not a field of this request, or does not have the documented"
                                        + " JSON type")),
                unknown.get("errors"));
        Map<String, Object> wrongType = UnreadableBodyMapper.unreadable(TYPICAL.get(2)).body();
        assertEquals(
                "sourceField",
                ((Map<?, ?>) ((List<?>) wrongType.get("errors")).get(0)).get("field"));
        assertTrue(((String) wrongType.get("detail")).startsWith("sourceField: "));
    }

    @Test
    void givenMalformedJson_whenAnswered_thenTheProblemSaysWhere() {
        Map<String, Object> body = UnreadableBodyMapper.unreadable(TYPICAL.get(4)).body();
        assertEquals("The body is not well-formed JSON (line 1, column 18)", body.get("detail"));
    }

    @Test
    void givenNothingRecognisable_whenAnswered_thenTheDetailIsTheGenericSentence() {
        assertEquals(
                UnreadableBodyMapper.GENERIC,
                UnreadableBodyMapper.unreadable(TYPICAL.get(3)).body().get("detail"));
        assertEquals(
                UnreadableBodyMapper.GENERIC,
                UnreadableBodyMapper.unreadable(TYPICAL.get(7)).body().get("detail"));
    }
}
