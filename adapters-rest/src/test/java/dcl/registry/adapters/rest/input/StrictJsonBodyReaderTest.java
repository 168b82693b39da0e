package dcl.registry.adapters.rest.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.adapters.rest.TransformSpec;
import dcl.registry.adapters.rest.admin.CreateMappingRequest;
import dcl.registry.adapters.rest.admin.DefineEntityRequest;
import dcl.registry.adapters.rest.admin.RolloutRequest;
import dcl.registry.adapters.rest.admin.StartJobRequest;
import dcl.registry.adapters.rest.admin.UpdateMappingRequest;
import dcl.registry.adapters.rest.admin.WebhookResource;
import dcl.registry.adapters.rest.review.DecisionRequest;
import dcl.registry.adapters.rest.review.SubmitRequest;
import dcl.registry.adapters.rest.runtime.CalculateConfidenceRequest;
import dcl.registry.adapters.rest.runtime.ProposeMappingRequest;
import dcl.registry.adapters.rest.runtime.RepairDriftRequest;
import dcl.registry.adapters.rest.runtime.TransformRequest;
import dcl.registry.domain.error.InvalidInput;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StrictJsonBodyReaderTest {
    private static final String MAPPING =
            "\"connector\":\"salesforce\",\"sourceTable\":\"Opportunity\",\"sourceField\":\"Amount\","
                    + "\"canonicalEntity\":\"opportunity\",\"canonicalField\":\"amount\"";

    private final StrictJsonBodyReader reader = new StrictJsonBodyReader();

    /** A record using every kind of component the binder knows, to pin its conversions. */
    record Everything(
            int count,
            Long big,
            Short small,
            BigInteger huge,
            Double ratio,
            Boolean flag,
            List<Integer> numbers,
            Map<String, String> labels,
            Optional<String> maybe,
            UUID id,
            Instant at,
            JsonObject raw,
            Kind kind) {}

    enum Kind {
        ALPHA,
        BETA
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> T read(Class<T> type, byte[] body) {
        return (T)
                reader.readFrom(
                        (Class) type,
                        type,
                        new java.lang.annotation.Annotation[0],
                        MediaType.APPLICATION_JSON_TYPE,
                        null,
                        new ByteArrayInputStream(body));
    }

    private <T> T read(Class<T> type, String json) {
        return read(type, json.getBytes(StandardCharsets.UTF_8));
    }

    private InvalidInput refused(Class<?> type, String json) {
        return assertThrows(InvalidInput.class, () -> read(type, json));
    }

    private static List<String> fields(InvalidInput error) {
        return error.violations().stream().map(InvalidInput.Violation::field).toList();
    }

    private static String message(InvalidInput error, String field) {
        return error.violations().stream()
                .filter(v -> v.field().equals(field))
                .findFirst()
                .orElseThrow()
                .message();
    }

    private static void assertNoInternals(InvalidInput error) {
        String all = error.getMessage() + error.violations();
        for (String internal :
                new String[] {"dcl.registry", "java.", "jakarta.", "$", "Exception", "Record"}) {
            assertFalse(all.contains(internal), internal + " in " + all);
        }
    }

    @Test
    void givenAWellTypedBody_whenRead_thenTheRecordHoldsEveryValue() {
        CreateMappingRequest request =
                read(
                        CreateMappingRequest.class,
                        "{"
                                + MAPPING
                                + ",\"transform\":{\"type\":\"valueMap\",\"values\":{\"Closed"
                                + " Won\":\"won\"}},\"confidence\":0.9,\"reason\":\"line\\n"
                                + "break\"}");
        assertEquals(
                new CreateMappingRequest(
                        "salesforce",
                        "Opportunity",
                        "Amount",
                        "opportunity",
                        "amount",
                        new TransformSpec("valueMap", null, Map.of("Closed Won", "won")),
                        0.9,
                        "line\nbreak"),
                request);
    }

    @Test
    void givenANumberWhereAStringIsDeclared_whenRead_thenThe400NamesTheFieldAndTheNumber() {
        InvalidInput error =
                refused(
                        CreateMappingRequest.class,
                        "{" + MAPPING.replace("\"Amount\"", "3476517") + "}");
        assertEquals(List.of("sourceField"), fields(error));
        assertEquals("must be a string, not a number (3476517)", message(error, "sourceField"));
        assertNoInternals(error);
    }

    @Test
    void givenABooleanWhereAStringIsDeclared_whenRead_thenItIsRefusedNotTurnedIntoText() {
        InvalidInput error =
                refused(
                        CreateMappingRequest.class,
                        "{" + MAPPING.replace("\"Amount\"", "true") + "}");
        assertEquals(List.of("sourceField"), fields(error));
        assertTrue(message(error, "sourceField").startsWith("must be a string, not a boolean"));
    }

    @Test
    void givenAStringWhereANumberOrABooleanIsDeclared_whenRead_thenItIsRefused() {
        InvalidInput number =
                refused(CreateMappingRequest.class, "{" + MAPPING + ",\"confidence\":\"high\"}");
        assertEquals("must be a number, not a string (\"high\")", message(number, "confidence"));
        assertTrue(number.getMessage().contains("high"));
        InvalidInput bool = refused(StartJobRequest.class, "{\"path\":\"in\",\"dryRun\":\"true\"}");
        assertEquals("must be true or false, not a string (\"true\")", message(bool, "dryRun"));
        InvalidInput fromNumber = refused(StartJobRequest.class, "{\"path\":\"in\",\"dryRun\":1}");
        assertEquals(List.of("dryRun"), fields(fromNumber));
    }

    @Test
    void givenAnUnknownField_whenRead_thenThe400NamesItAndTheKnownFieldsButNoClass() {
        InvalidInput error =
                refused(CreateMappingRequest.class, "{" + MAPPING + ",\"canonical_field\":\"x\"}");
        assertEquals(List.of("canonical_field"), fields(error));
        assertTrue(message(error, "canonical_field").contains("canonicalField"));
        assertTrue(error.getMessage().contains("canonical_field"));
        assertNoInternals(error);
        InvalidInput nested =
                refused(
                        CreateMappingRequest.class,
                        "{" + MAPPING + ",\"transform\":{\"typ\":\"trim\"}}");
        assertEquals(List.of("transform.typ"), fields(nested));
        InvalidInput webhook =
                refused(
                        WebhookResource.WebhookRequest.class,
                        "{\"url\":\"https://x\",\"connector\":\"y\"}");
        assertEquals(List.of("connector"), fields(webhook));
        assertNoInternals(webhook);
    }

    @Test
    void givenAWrongTypeInANestedArray_whenRead_thenThePathIndexesTheElement() {
        InvalidInput error =
                refused(
                        RepairDriftRequest.class,
                        "{\"driftEvent\":{\"connector\":\"sf\",\"sourceTable\":\"t\"},"
                                + "\"schemaDiff\":{\"changeType\":\"field_added\",\"newField\":\"f\",\"samples\":[\"a\",2,\"c\",{\"x\":1}]}}");
        assertEquals(List.of("schemaDiff.samples[1]", "schemaDiff.samples[3]"), fields(error));
        assertEquals("must be a string, not an object", message(error, "schemaDiff.samples[3]"));
        InvalidInput observed =
                refused(
                        RepairDriftRequest.class,
                        "{\"connector\":\"sf\",\"sourceTable\":\"t\",\"observedFields\":[{\"name\":\"a\"},{\"name\":false}]}");
        assertEquals(List.of("observedFields[1].name"), fields(observed));
    }

    @Test
    void givenNulAndLoneSurrogatesInStrings_whenRead_thenEachIsRefusedWhereverItIs() {
        InvalidInput error =
                refused(
                        CreateMappingRequest.class,
                        "{\"connector\":\"sf\\u0000\",\"sourceTable\":\"\\ud800\","
                                + "\"sourceField\":\"a\\udc00b\",\"canonicalEntity\":\"e\",\"canonicalField\":\"f\",\"reason\":\"bell\\u0007\","
                                + "\"transform\":{\"type\":\"valueMap\",\"values\":{\"k\\u0000\":\"v\",\"ok\":\"\\ud83d\"}}}");
        assertEquals(
                List.of(
                        "connector",
                        "sourceTable",
                        "sourceField",
                        "transform.values[\"k\\u0000\"]",
                        "transform.values.ok",
                        "reason"),
                fields(error));
        assertTrue(message(error, "connector").contains("U+0000"));
        assertTrue(message(error, "sourceTable").contains("lone surrogate U+D800"));
        assertTrue(message(error, "transform.values[\"k\\u0000\"]").startsWith("is a key that"));
        assertFalse(error.toString().contains("\u0000"), "what is refused is never echoed raw");
    }

    @Test
    void givenFreeTextWithLineBreaksAndEmoji_whenRead_thenItIsKept() {
        DecisionRequest notes =
                read(
                        DecisionRequest.class,
                        "{\"notes\":\"looks right\\n\\tthanks \\ud83d\\ude00\"}");
        assertEquals("looks right\n\tthanks \uD83D\uDE00", notes.notes());
    }

    @Test
    void givenTransformRecordValues_whenRead_thenDataMayHoldControlsButNeverNulOrALoneSurrogate() {
        TransformRequest fine =
                read(
                        TransformRequest.class,
                        "{\"connector\":\"sf\",\"table\":\"t\",\"records\":[{\"Name\":\"a\\u0001b\\u007f\",\"n\":[1,{\"deep\":\"\\ud83d\\ude00\"}]}]}");
        assertEquals("a\u0001b\u007f", fine.records().get(0).asJsonObject().getString("Name"));
        InvalidInput error =
                refused(
                        TransformRequest.class,
                        "{\"connector\":\"sf\",\"table\":\"t\",\"records\":["
                                + "{\"Name\":\"x\\u0000\"},{\"a\":{\"b\":[\"\\udfff\"]}},{\"k\\ud800\":1}]}");
        assertEquals(
                List.of("records[0].Name", "records[1].a.b[0]", "records[2][\"k\\uD800\"]"),
                fields(error));
    }

    @Test
    void givenANullRecord_whenRead_thenItReachesTheResourceAsJsonNull() {
        TransformRequest request =
                read(
                        TransformRequest.class,
                        "{\"connector\":\"sf\",\"table\":\"t\",\"records\":[null]}");
        assertEquals(JsonValue.NULL, request.records().get(0));
    }

    @Test
    void givenInvalidUtf8Bytes_whenRead_thenTheBodyIsRefusedNotRepaired() {
        byte[] start = "{\"connector\":\"sf".getBytes(StandardCharsets.UTF_8);
        for (byte[] bad :
                new byte[][] {
                    {(byte) 0xFF},
                    {(byte) 0xC3, (byte) 0x28},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xC0, (byte) 0x80},
                    {(byte) 0xE2, (byte) 0x82}
                }) {
            byte[] body = new byte[start.length + bad.length + 2];
            System.arraycopy(start, 0, body, 0, start.length);
            System.arraycopy(bad, 0, body, start.length, bad.length);
            body[body.length - 2] = '"';
            body[body.length - 1] = '}';
            InvalidInput error =
                    assertThrows(InvalidInput.class, () -> read(CreateMappingRequest.class, body));
            assertEquals(List.of("body"), fields(error));
            assertTrue(
                    message(error, "body")
                            .startsWith("is not valid UTF-8 (byte " + (start.length + 1)),
                    message(error, "body"));
        }
        byte[] truncated = {'{', '"', 'a', (byte) 0xE2};
        assertTrue(
                message(
                                assertThrows(
                                        InvalidInput.class,
                                        () -> read(DecisionRequest.class, truncated)),
                                "body")
                        .contains("UTF-8"));
    }

    @Test
    void givenTooDeepNesting_whenRead_thenA400InsteadOfAStackOverflow() {
        String deep = "[".repeat(JsonBody.MAX_DEPTH) + "]".repeat(JsonBody.MAX_DEPTH);
        InvalidInput error =
                refused(
                        TransformRequest.class,
                        "{\"connector\":\"sf\",\"table\":\"t\",\"records\":" + deep + "}");
        assertEquals(List.of("body"), fields(error));
        assertTrue(message(error, "body").contains("more than 64 levels"));
        String abyss = "{\"records\":[" + "{\"a\":[".repeat(50_000);
        assertEquals(List.of("body"), fields(refused(TransformRequest.class, abyss)));
        String justDeepEnough =
                "[".repeat(JsonBody.MAX_DEPTH - 2) + "]".repeat(JsonBody.MAX_DEPTH - 2);
        TransformRequest fine =
                read(
                        TransformRequest.class,
                        "{\"connector\":\"sf\",\"table\":\"t\",\"records\":["
                                + justDeepEnough
                                + "]}");
        assertEquals(1, fine.records().size());
    }

    @Test
    void givenManyProblems_whenRead_thenAllAreListedAtOnce() {
        InvalidInput error =
                refused(
                        CreateMappingRequest.class,
                        "{\"connector\":1,\"sourceTable\":[],\"sourceField\":\"ok\","
                                + "\"canonicalEntity\":null,\"canonicalField\":\"f\\u0000\",\"confidence\":\"x\",\"transform\":\"trim\",\"extra\":true}");
        assertEquals(
                List.of(
                        "extra",
                        "connector",
                        "sourceTable",
                        "canonicalField",
                        "transform",
                        "confidence"),
                fields(error));
        assertEquals("6 fields are invalid", error.getMessage());
    }

    @Test
    void givenThousandsOfProblems_whenRead_thenTheListIsCappedAndSaysSo() {
        String samples = "[" + "1,".repeat(500) + "1]";
        InvalidInput error =
                refused(ProposeMappingRequest.class, "{\"sampleValues\":" + samples + "}");
        assertEquals(RecordBinding.MAX_REPORTED + 1, error.violations().size());
        assertEquals(
                "401 more problems are not listed",
                error.violations().get(RecordBinding.MAX_REPORTED).message());
    }

    @Test
    void givenMalformedJson_whenRead_thenTheProblemSaysWhereWithoutParserInternals() {
        InvalidInput cut = refused(CreateMappingRequest.class, "{\"connector\": \"x\",");
        assertEquals(List.of("body"), fields(cut));
        assertTrue(
                message(cut, "body").startsWith("is not well-formed JSON"), message(cut, "body"));
        assertTrue(message(cut, "body").contains("line 1"), message(cut, "body"));
        InvalidInput stray = refused(CreateMappingRequest.class, "{\n  \"connector\": 'x'\n}");
        assertTrue(message(stray, "body").contains("line 2"), message(stray, "body"));
        assertNoInternals(stray);
        assertEquals(List.of("body"), fields(refused(CreateMappingRequest.class, "{} {}")));
        assertEquals(
                "must be an object, not an array",
                message(refused(CreateMappingRequest.class, "[1, 2]"), "body"));
        assertEquals(
                List.of("connector"),
                fields(
                        refused(
                                CreateMappingRequest.class,
                                "{\"connector\":\"a\",\"connector\":\"b\"}")));
        assertEquals(
                List.of("confidence"),
                fields(
                        refused(
                                CreateMappingRequest.class,
                                "{\"confidence\":1" + "0".repeat(200) + "}")));
    }

    @Test
    void givenNoBody_whenRead_thenThereIsNoRecordForTheResourceToRefuse() {
        assertNull(read(CreateMappingRequest.class, ""));
        assertNull(read(CreateMappingRequest.class, " \n\t"));
        assertNull(read(CreateMappingRequest.class, "null"));
        assertEquals(new DecisionRequest(null), read(DecisionRequest.class, "\uFEFF{}"));
    }

    @Test
    void givenEveryRequestRecordOfTheApi_whenAnEmptyObjectIsRead_thenEachBinds() {
        for (Class<?> type :
                List.of(
                        CreateMappingRequest.class,
                        UpdateMappingRequest.class,
                        DefineEntityRequest.class,
                        DefineEntityRequest.Field.class,
                        RolloutRequest.class,
                        StartJobRequest.class,
                        WebhookResource.WebhookRequest.class,
                        DecisionRequest.class,
                        SubmitRequest.class,
                        CalculateConfidenceRequest.class,
                        ProposeMappingRequest.class,
                        RepairDriftRequest.class,
                        TransformRequest.class,
                        TransformSpec.class)) {
            assertEquals(type, read(type, "{}").getClass());
        }
    }

    @Test
    void givenEveryKindOfComponent_whenRead_thenEachConvertsOnlyFromItsOwnJsonType() {
        Everything all =
                read(
                        Everything.class,
                        "{\"count\":3,\"big\":9007199254740993,\"small\":-2,\"huge\":1E3,\"ratio\":0.25,"
                                + "\"flag\":false,\"numbers\":[1,null],\"labels\":{\"a\":\"b\"},\"maybe\":\"m\","
                                + "\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"at\":\"2026-11-22T10:15:30Z\",\"raw\":{\"x\":[1]},\"kind\":\"beta\"}");
        assertEquals(3, all.count());
        assertEquals(9007199254740993L, all.big());
        assertEquals(BigInteger.valueOf(1000), all.huge());
        assertEquals(Optional.of("m"), all.maybe());
        assertEquals(Kind.BETA, all.kind());
        assertEquals(1, all.numbers().get(0));
        assertNull(all.numbers().get(1));
        Everything none = read(Everything.class, "{}");
        assertEquals(0, none.count());
        assertEquals(Optional.empty(), none.maybe());
        InvalidInput error =
                refused(
                        Everything.class,
                        "{\"count\":1.5,\"big\":1e30,\"small\":40000,\"ratio\":1e400,\"flag\":\"false\","
                                + "\"numbers\":[\"1\"],\"labels\":{\"a\":1},\"maybe\":2,\"id\":\"nope\",\"at\":\"yesterday\",\"raw\":[],\"kind\":\"gamma\"}");
        assertEquals(
                List.of(
                        "count",
                        "big",
                        "small",
                        "ratio",
                        "flag",
                        "numbers[0]",
                        "labels.a",
                        "maybe",
                        "id",
                        "at",
                        "raw",
                        "kind"),
                fields(error));
        assertEquals("must be a whole number, not a number (1.5)", message(error, "count"));
        assertEquals("must be one of alpha, beta, not \"gamma\"", message(error, "kind"));
        assertEquals(List.of("count"), fields(refused(Everything.class, "{\"count\":null}")));
        assertNoInternals(error);
    }

    @Test
    void givenMediaTypesAndTypes_whenAskedIfReadable_thenOnlyJsonRecordsAre() {
        assertTrue(
                reader.isReadable(
                        CreateMappingRequest.class, null, null, MediaType.APPLICATION_JSON_TYPE));
        assertTrue(
                reader.isReadable(
                        CreateMappingRequest.class,
                        null,
                        null,
                        new MediaType("application", "merge-patch+json")));
        assertTrue(
                reader.isReadable(
                        CreateMappingRequest.class,
                        null,
                        null,
                        new MediaType("application", "json", "utf-8")));
        assertFalse(
                reader.isReadable(
                        CreateMappingRequest.class, null, null, MediaType.TEXT_PLAIN_TYPE));
        assertFalse(reader.isReadable(String.class, null, null, MediaType.APPLICATION_JSON_TYPE));
        assertFalse(
                reader.isReadable(JsonObject.class, null, null, MediaType.APPLICATION_JSON_TYPE));
    }
}
