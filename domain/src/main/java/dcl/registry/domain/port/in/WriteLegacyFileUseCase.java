package dcl.registry.domain.port.in;

import dcl.registry.domain.legacy.LegacyProblem;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import java.io.OutputStream;
import java.util.List;

/** Writes a connector's mappings as one legacy AAM file: the emergency rollback artifact. */
public interface WriteLegacyFileUseCase {
    /** Mappings the format cannot hold are not written and come back as problems. */
    List<LegacyProblem> write(ConnectorId connector, List<FieldMapping> mappings, OutputStream out);
}
