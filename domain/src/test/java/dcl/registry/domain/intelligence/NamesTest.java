package dcl.registry.domain.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void aWordRunTogetherIsSplitIntoTheVocabularysWords() {
        assertEquals(
                List.of("encounter", "id"),
                Names.segmented("encounterid", Set.of("encounter", "id")));
        assertEquals(
                List.of("quantity", "on", "hand"),
                Names.segmented("quantityonhand", Set.of("quantity", "on", "hand")));
    }

    @Test
    void aWordOfTheVocabularyOrOneItCannotSpellStaysWhole() {
        assertEquals(
                List.of("category"), Names.segmented("category", Set.of("cat", "ego", "category")));
        assertEquals(List.of("patid"), Names.segmented("patid", Set.of("patient", "id")));
    }

    @Test
    void aCanonicalNameRunTogetherMeetsTheSameWordsApart() {
        CanonicalSchema schema =
                new CanonicalSchema(
                        List.of(
                                new CanonicalEntity(
                                        "encounter",
                                        Optional.empty(),
                                        List.of(
                                                new CanonicalFieldDefinition(
                                                        "encounterid",
                                                        Optional.of("string"),
                                                        Optional.of("Identifier of the visit"))))));
        CanonicalProfile profile = CanonicalProfile.of(new TenantId("acme"), schema);

        assertEquals(
                Set.of("encounter", "id"),
                profile.field(CanonicalField.parse("encounter.encounterid")).orElseThrow().words());
        assertEquals(List.of("encounter", "id"), profile.wordsOf("encounter_id"));
    }
}
