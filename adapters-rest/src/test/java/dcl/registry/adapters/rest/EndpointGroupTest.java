package dcl.registry.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.adapters.rest.EndpointGroup.Group;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every endpoint is counted in a chosen group; the request metrics' tags stay bounded. */
class EndpointGroupTest {
    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void givenTheResources_whenTheirMethodsAreListed_thenEachHasAnEndpointGroup()
            throws IOException, ClassNotFoundException {
        List<String> methods = new ArrayList<>();
        List<String> ungrouped = new ArrayList<>();
        for (Class<?> type : compiledClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                if (Arrays.stream(method.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                    methods.add(type.getSimpleName() + "#" + method.getName());
                    if (!method.isAnnotationPresent(EndpointGroup.class)
                            && !type.isAnnotationPresent(EndpointGroup.class)) {
                        ungrouped.add(type.getSimpleName() + "#" + method.getName());
                    }
                }
            }
        }
        assertTrue(methods.size() >= 30, "too few resource methods found: " + methods);
        assertEquals(List.of(), ungrouped, "resource methods without @EndpointGroup");
    }

    @Test
    void givenAMethodGroup_whenClassified_thenItOverridesTheClassGroup() throws Exception {
        Method lookUp =
                MappingReadResource.class.getMethod(
                        "lookUp", String.class, String.class, String.class);
        Method table = MappingReadResource.class.getMethod("table", String.class, String.class);
        Method search = Fixture.class.getMethod("search");

        assertEquals(Group.LOOKUP, RequestMetrics.groupOf(MappingReadResource.class, lookUp));
        assertEquals(Group.TABLE_SET, RequestMetrics.groupOf(MappingReadResource.class, table));
        assertEquals(Group.LIST_SEARCH, RequestMetrics.groupOf(Fixture.class, search));
        assertEquals(Group.OTHER, RequestMetrics.groupOf(null, null));
    }

    @Test
    void givenStatuses_whenClassified_thenThreeOutcomes() {
        assertEquals("success", RequestMetrics.outcome(200));
        assertEquals("success", RequestMetrics.outcome(304));
        assertEquals("client_error", RequestMetrics.outcome(400));
        assertEquals("client_error", RequestMetrics.outcome(404));
        assertEquals("server_error", RequestMetrics.outcome(500));
        assertEquals("server_error", RequestMetrics.outcome(503));
        assertEquals("table-set", Group.TABLE_SET.tag());
        assertEquals("list-search", Group.LIST_SEARCH.tag());
    }

    private static List<Class<?>> compiledClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString();
                types.add(
                        Class.forName(
                                name.substring(0, name.length() - ".class".length())
                                        .replace(File.separatorChar, '.'),
                                false,
                                EndpointGroupTest.class.getClassLoader()));
            }
        }
        return types;
    }

    @EndpointGroup(Group.LIST_SEARCH)
    static class Fixture {
        @GET
        public String search() {
            return "";
        }
    }
}
