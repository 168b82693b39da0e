package dcl.registry.archfixture;

import dcl.registry.domain.port.in.CreateMappingUseCase;

/**
 * A deliberate violation, for testing that the architecture rules catch it: runtime-side code that
 * writes.
 */
public class RuntimeSideWriter {
    final CreateMappingUseCase create;

    public RuntimeSideWriter(CreateMappingUseCase create) {
        this.create = create;
    }
}
