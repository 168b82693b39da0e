package dcl.registry.domain.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.FreeText;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanonicalFieldDefinitionTest {
    @Test
    void givenADescriptionAsLongAsFreeTextMayBe_whenDefined_thenItIsKept() {
        String longest = "d".repeat(FreeText.MAX_LENGTH);
        assertEquals(
                Optional.of(longest),
                new CanonicalFieldDefinition("amount", Optional.empty(), Optional.of(longest))
                        .description());
    }

    @Test
    void givenADescriptionLongerThanFreeTextMayBe_whenDefined_thenItIsRefused() {
        InvalidInput tooLong =
                assertThrows(
                        InvalidInput.class,
                        () ->
                                new CanonicalFieldDefinition(
                                        "amount",
                                        Optional.empty(),
                                        Optional.of("d".repeat(FreeText.MAX_LENGTH + 1))));
        assertEquals("fields.description: must be at most 2000 characters", tooLong.getMessage());
    }
}
