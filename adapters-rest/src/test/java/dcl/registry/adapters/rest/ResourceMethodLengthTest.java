package dcl.registry.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * A resource method parses the request, calls one use case and maps the result; parsing and mapping
 * live in named request records and response mappers. Measured on the source (the javac parser),
 * from the line of the method's declaration to its closing brace, annotations not counted.
 */
class ResourceMethodLengthTest {
    private static final int MAX_LINES = 15;
    private static final Set<String> HTTP_METHODS =
            Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Path SOURCES = Path.of("src", "main", "java");

    @Test
    void givenTheResources_whenTheirMethodsAreMeasured_thenNoneIsLongerThan15Lines()
            throws IOException {
        List<String> measured = new ArrayList<>();
        List<String> tooLong = new ArrayList<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files =
                        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
                Stream<Path> tree = Files.walk(SOURCES)) {
            List<Path> sources = tree.filter(p -> p.toString().endsWith(".java")).toList();
            JavacTask task =
                    (JavacTask)
                            javac.getTask(
                                    null,
                                    files,
                                    null,
                                    List.of("-proc:none"),
                                    null,
                                    files.getJavaFileObjectsFromPaths(sources));
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                new ResourceMethods(unit, positions, measured, tooLong).scan(unit, null);
            }
        }
        assertTrue(measured.size() >= 30, "too few resource methods found: " + measured);
        assertEquals(List.of(), tooLong, "resource methods over " + MAX_LINES + " lines");
    }

    /** Measures every method that answers an HTTP method. */
    private static final class ResourceMethods extends TreeScanner<Void, Void> {
        private final CompilationUnitTree unit;
        private final SourcePositions positions;
        private final List<String> measured;
        private final List<String> tooLong;

        ResourceMethods(
                CompilationUnitTree unit,
                SourcePositions positions,
                List<String> measured,
                List<String> tooLong) {
            this.unit = unit;
            this.positions = positions;
            this.measured = measured;
            this.tooLong = tooLong;
        }

        @Override
        public Void visitMethod(MethodTree method, Void unused) {
            if (method.getModifiers().getAnnotations().stream()
                    .anyMatch(ResourceMethods::isHttpMethod)) {
                long first = line(positions.getStartPosition(unit, method.getReturnType()));
                long last = line(positions.getEndPosition(unit, method));
                String name =
                        Path.of(unit.getSourceFile().getName()).getFileName()
                                + "#"
                                + method.getName();
                measured.add(name);
                if (last - first + 1 > MAX_LINES) {
                    tooLong.add(name + ": " + (last - first + 1) + " lines");
                }
            }
            return super.visitMethod(method, null);
        }

        private long line(long position) {
            return unit.getLineMap().getLineNumber(position);
        }

        private static boolean isHttpMethod(AnnotationTree annotation) {
            String type = annotation.getAnnotationType().toString();
            return HTTP_METHODS.contains(type.substring(type.lastIndexOf('.') + 1));
        }
    }
}
