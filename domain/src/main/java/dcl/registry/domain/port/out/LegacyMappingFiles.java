package dcl.registry.domain.port.out;

import dcl.registry.domain.legacy.LegacyDocument;
import dcl.registry.domain.legacy.LegacyProblem;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** The legacy AAM file format, read and written by an adapter; round-trips exactly. */
public interface LegacyMappingFiles {
    /** Reads one file; a file that cannot be read at all yields a document with one problem. */
    LegacyDocument read(String fileName, InputStream content);

    /**
     * Writes the mappings of one connector as one legacy file (tables and fields sorted). The
     * format has one entity per table: mappings of a table that point to another entity cannot be
     * written and come back as problems.
     */
    List<LegacyProblem> write(ConnectorId connector, List<FieldMapping> mappings, OutputStream out);
}
