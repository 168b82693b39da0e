package dcl.registry.domain.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.SourceField;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaChangeTest {
    private static ObservedField observed(String name) {
        return new ObservedField(new SourceField(name), Optional.empty(), List.of());
    }

    @Test
    void givenARenameToTheSameName_whenReported_thenRefusedNamingTheNewField() {
        InvalidInput same =
                assertThrows(
                        InvalidInput.class,
                        () ->
                                new SchemaChange.FieldRenamed(
                                        new SourceField("Amount"), observed("Amount")));
        assertEquals("schemaDiff.newField", same.violations().get(0).field());
        assertEquals(
                new SourceField("amount"),
                new SchemaChange.FieldRenamed(new SourceField("Amount"), observed("amount"))
                        .field(),
                "a case change is a rename: source fields are told apart by case");
    }
}
