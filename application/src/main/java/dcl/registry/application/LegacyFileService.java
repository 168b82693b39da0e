package dcl.registry.application;

import dcl.registry.domain.legacy.LegacyDocument;
import dcl.registry.domain.legacy.LegacyProblem;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.port.in.ReadLegacyFileUseCase;
import dcl.registry.domain.port.in.WriteLegacyFileUseCase;
import dcl.registry.domain.port.out.LegacyMappingFiles;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** Legacy AAM files for the jobs, in the format the legacy codec reads and writes. */
public class LegacyFileService implements ReadLegacyFileUseCase, WriteLegacyFileUseCase {
    private final LegacyMappingFiles files;

    public LegacyFileService(LegacyMappingFiles files) {
        this.files = files;
    }

    @Override
    public LegacyDocument read(String fileName, InputStream content) {
        return files.read(fileName, content);
    }

    @Override
    public List<LegacyProblem> write(
            ConnectorId connector, List<FieldMapping> mappings, OutputStream out) {
        return files.write(connector, mappings, out);
    }
}
