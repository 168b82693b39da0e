package dcl.registry.domain.drift;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.SourceField;
import java.util.Optional;

/** One difference between what a source table has now and what the registry maps. */
public sealed interface SchemaChange {
    /** The field that changed (for a rename: the new name). */
    SourceField field();

    record FieldRenamed(SourceField oldField, ObservedField now) implements SchemaChange {
        public FieldRenamed {
            if (oldField.equals(now.name())) {
                // its repair would retire the very mapping it keeps
                throw new InvalidInput(
                        "schemaDiff.newField", "is the old field's name: nothing was renamed");
            }
        }

        @Override
        public SourceField field() {
            return now.name();
        }
    }

    record FieldAdded(ObservedField now) implements SchemaChange {
        @Override
        public SourceField field() {
            return now.name();
        }
    }

    record FieldRemoved(SourceField field) implements SchemaChange {}

    record TypeChanged(SourceField field, Optional<String> oldType, ObservedField now)
            implements SchemaChange {}
}
