package dcl.registry.domain.port.in;

import dcl.registry.domain.legacy.LegacyDocument;
import java.io.InputStream;

/** Reads one legacy AAM file, for an import or a parity check. */
public interface ReadLegacyFileUseCase {
    /** A file that cannot be read at all yields a document with one problem. */
    LegacyDocument read(String fileName, InputStream content);
}
