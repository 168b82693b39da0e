package dcl.registry.domain.port.out;

import org.junit.jupiter.api.Nested;

/** The in-memory double keeps the mapping ports' contracts, so tests that use it can trust it. */
class InMemoryMappingsTest {
    private final InMemoryMappings mappings = new InMemoryMappings();

    @Nested
    class Reads extends LoadMappingsContract {
        @Override
        protected LoadMappings reads() {
            return mappings;
        }

        @Override
        protected StoreMappings store() {
            return mappings;
        }
    }

    @Nested
    class Writes extends StoreMappingsContract {
        @Override
        protected StoreMappings store() {
            return mappings;
        }

        @Override
        protected LoadMappings stored() {
            return mappings;
        }
    }
}
