package dcl.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dcl.registry.adapters.persistence.cache.CacheSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files under deploy/ (docs/deploy.md) against what the server really serves: every
 * manifest parses, every probe path is an endpoint of a feature server.xml enables, every port is
 * one the server or its cache listens on (read from server.xml and from the JGroups stack the
 * kubernetes discovery uses), and every file the Containerfile copies exists or is an output this
 * module's build declares.
 */
class DeployManifestsTest {
    private static final Path ROOT = Path.of("..");
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final Path CONTAINERFILE = ROOT.resolve("deploy/container/Containerfile");
    private static final Path TARGET = ROOT.resolve("server-config/target").normalize();
    private static final Path SERVER_XML = Path.of("src/main/liberty/config/server.xml");

    /** The stack Infinispan starts for dcl.cache.discovery=kubernetes (RegistryCaches). */
    private static final String KUBERNETES_STACK =
            "/org/infinispan/configuration/default-jgroups-kubernetes.xml";

    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(.+)$");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(.+)$");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+\\S+:(\\S+)$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DNS_QUERY =
            Pattern.compile("-Djgroups\\.dns\\.query=([^.\\s]+)\\.");

    private static List<Map<?, ?>> documents;
    private static int httpPort;
    private static int cachePort;
    private static int failureDetectionPort;
    private static Set<String> paths;

    @BeforeAll
    static void read() throws Exception {
        documents = manifests();
        Document server = xml(SERVER_XML);
        httpPort = Integer.parseInt(variableDefault(server, "dcl.http.port"));
        String stack;
        try (InputStream in = CacheSettings.class.getResourceAsStream(KUBERNETES_STACK)) {
            assertTrue(in != null, KUBERNETES_STACK + " is not on the class path");
            stack = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        cachePort = Integer.parseInt(propertyDefault(stack, "TCP", "bind_port"));
        failureDetectionPort =
                cachePort + Integer.parseInt(propertyDefault(stack, "FD_SOCK2", "offset"));
        paths = endpoints(server);
    }

    @Test
    void givenTheManifests_whenParsed_thenEachKindIsThereAndEveryObjectIsNamed() {
        List<String> kinds = documents.stream().map(d -> (String) d.get("kind")).toList();
        for (String kind :
                List.of("Deployment", "Service", "PodDisruptionBudget", "ConfigMap", "Secret")) {
            assertTrue(kinds.contains(kind), kind + " missing among " + kinds);
        }
        assertEquals(2, kinds.stream().filter("Service"::equals).count(), kinds.toString());
        for (Map<?, ?> document : documents) {
            assertFalse(
                    String.valueOf(map(document.get("metadata")).get("name")).isBlank(),
                    document.toString());
        }
    }

    @Test
    void givenTheDeployment_whenItsProbesAreRead_thenEachAsksAPathTheServerServesOnItsHttpPort() {
        Map<?, ?> container = container();
        Map<String, Integer> ports = containerPorts(container);
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            Map<?, ?> get = map(map(container.get(probe)).get("httpGet"));
            assertTrue(
                    paths.contains((String) get.get("path")),
                    probe + " asks " + get.get("path") + ", the server serves " + paths);
            assertEquals(httpPort, resolve(get.get("port"), ports), probe + " port");
        }
        assertEquals("/health/ready", path(container, "readinessProbe"));
        assertEquals("/health/live", path(container, "livenessProbe"));
        Map<?, ?> annotations = map(map(template().get("metadata")).get("annotations"));
        assertTrue(paths.contains((String) annotations.get("prometheus.io/path")));
        assertEquals(httpPort, Integer.parseInt((String) annotations.get("prometheus.io/port")));
    }

    @Test
    void givenTheDeployment_whenItsPortsAreRead_thenEachIsOneTheServerOrItsCacheListensOn() {
        Map<String, Integer> ports = containerPorts(container());
        assertEquals(
                Set.of(httpPort, cachePort, failureDetectionPort),
                Set.copyOf(ports.values()),
                "container ports " + ports);
        for (Map<?, ?> service : ofKind("Service")) {
            for (Object entry : list(map(service.get("spec")).get("ports"))) {
                Map<?, ?> port = map(entry);
                int target = resolve(port.get("targetPort"), ports);
                assertEquals(target, ((Number) port.get("port")).intValue(), port.toString());
            }
        }
    }

    @Test
    void givenTheDeployment_whenItsCacheSettingsAreRead_thenDnsPingAsksTheHeadlessService() {
        Map<String, Object> env = new HashMap<>();
        for (Object entry : list(container().get("env"))) {
            env.put((String) map(entry).get("name"), map(entry).get("value"));
        }
        assertEquals("kubernetes", env.get("DCL_CACHE_DISCOVERY"));
        assertTrue(CacheSettings.DISCOVERIES.contains("kubernetes"));
        Matcher query = DNS_QUERY.matcher(String.valueOf(env.get("JAVA_TOOL_OPTIONS")));
        assertTrue(query.find(), "JAVA_TOOL_OPTIONS sets no jgroups.dns.query: " + env);
        Map<?, ?> ping =
                ofKind("Service").stream()
                        .filter(s -> query.group(1).equals(map(s.get("metadata")).get("name")))
                        .findFirst()
                        .map(s -> map(s.get("spec")))
                        .orElseThrow(() -> new AssertionError("no Service " + query.group(1)));
        assertEquals("None", ping.get("clusterIP"));
        assertEquals(true, ping.get("publishNotReadyAddresses"));
    }

    @Test
    void givenTheContainerfile_whenRead_thenItCopiesWhatTheBuildMakesAndExposesTheServersPorts()
            throws Exception {
        String containerfile = Files.readString(CONTAINERFILE);
        Set<Path> built = builtOutputs();
        Matcher copy = COPY.matcher(containerfile);
        int copies = 0;
        while (copy.find()) {
            List<String> words =
                    WHITESPACE
                            .splitAsStream(copy.group(1))
                            .filter(w -> !w.startsWith("--"))
                            .toList();
            for (String source : words.subList(0, words.size() - 1)) {
                Path path = ROOT.resolve(source).normalize();
                // Build outputs are checked against the pom, not the disk: a stale target/ proves
                // nothing.
                assertTrue(
                        path.startsWith(TARGET) ? built.contains(path) : Files.exists(path),
                        source + " is neither in the repository nor made by the build " + built);
                copies++;
            }
        }
        assertEquals(4, copies, "server.xml, the WAR and both libraries");
        Matcher expose = EXPOSE.matcher(containerfile);
        assertTrue(expose.find());
        assertEquals(
                Set.of(httpPort, cachePort, failureDetectionPort),
                WHITESPACE
                        .splitAsStream(expose.group(1))
                        .map(Integer::valueOf)
                        .collect(Collectors.toSet()));
        Matcher from = FROM.matcher(containerfile);
        assertTrue(from.find());
        String runtime =
                xml(ROOT.resolve("pom.xml"))
                        .getElementsByTagName("liberty.runtime.version")
                        .item(0)
                        .getTextContent();
        assertTrue(
                from.group(1).startsWith(runtime + "-"),
                "the image " + from.group(1) + " is not Open Liberty " + runtime);
    }

    /** The WAR and the dcl server's libraries, as server-config/pom.xml names them. */
    private static Set<Path> builtOutputs() throws Exception {
        Document pom = xml(Path.of("pom.xml"));
        Path target = TARGET;
        Set<Path> outputs = new HashSet<>();
        String finalName = pom.getElementsByTagName("finalName").item(0).getTextContent();
        outputs.add(target.resolve(finalName + ".war"));
        String serverName = pom.getElementsByTagName("serverName").item(0).getTextContent();
        Path server = target.resolve("liberty/wlp/usr/servers").resolve(serverName);
        NodeList groups = pom.getElementsByTagName("dependencyGroup");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            String location = group.getElementsByTagName("location").item(0).getTextContent();
            outputs.add(server.resolve(location));
        }
        return outputs;
    }

    /** The HTTP endpoints of the MicroProfile features server.xml enables. */
    private static Set<String> endpoints(Document server) {
        Set<String> endpoints = new HashSet<>();
        NodeList features = server.getElementsByTagName("feature");
        for (int i = 0; i < features.getLength(); i++) {
            String feature = features.item(i).getTextContent().trim();
            // MicroProfile Health 3.1 added /health/started; this server enables 4.0.
            if (feature.startsWith("mpHealth-4.")) {
                endpoints.addAll(
                        List.of("/health", "/health/live", "/health/ready", "/health/started"));
            }
            if (feature.startsWith("mpMetrics-")) {
                endpoints.add("/metrics");
            }
        }
        return endpoints;
    }

    private static String variableDefault(Document server, String name) {
        NodeList variables = server.getElementsByTagName("variable");
        for (int i = 0; i < variables.getLength(); i++) {
            Element variable = (Element) variables.item(i);
            if (name.equals(variable.getAttribute("name"))) {
                return variable.getAttribute("defaultValue");
            }
        }
        throw new AssertionError("server.xml has no variable " + name);
    }

    /** The default of a protocol attribute written as ${property,...:default}. */
    private static String propertyDefault(String stack, String protocol, String attribute) {
        Matcher matcher =
                Pattern.compile(
                                "<"
                                        + protocol
                                        + "\\b[^>]*?\\s"
                                        + attribute
                                        + "=\"\\$\\{[^}:]*:(\\d+)}\"")
                        .matcher(stack);
        if (!matcher.find()) {
            fail(protocol + "." + attribute + " has no default in " + KUBERNETES_STACK);
        }
        return matcher.group(1);
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Map<?, ?>> manifests() throws IOException {
        List<Map<?, ?>> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
                for (Object document : yaml.loadAll(Files.readString(file))) {
                    assertTrue(document instanceof Map, file + " holds a non-object document");
                    all.add(map(document));
                }
            }
        }
        assertFalse(all.isEmpty(), "no manifests under " + KUBERNETES);
        return all;
    }

    private static List<Map<?, ?>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static Map<?, ?> template() {
        List<Map<?, ?>> deployments = ofKind("Deployment");
        assertEquals(1, deployments.size());
        return map(map(deployments.get(0).get("spec")).get("template"));
    }

    private static Map<?, ?> container() {
        List<?> containers = list(map(template().get("spec")).get("containers"));
        assertEquals(1, containers.size());
        return map(containers.get(0));
    }

    private static Map<String, Integer> containerPorts(Map<?, ?> container) {
        Map<String, Integer> ports = new HashMap<>();
        for (Object entry : list(container.get("ports"))) {
            Map<?, ?> port = map(entry);
            ports.put((String) port.get("name"), ((Number) port.get("containerPort")).intValue());
        }
        return ports;
    }

    /** A port given by number or by the name of a container port. */
    private static int resolve(Object port, Map<String, Integer> ports) {
        if (port instanceof Number number) {
            return number.intValue();
        }
        return Optional.ofNullable(ports.get((String) port))
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no container port named " + port + " in " + ports));
    }

    private static String path(Map<?, ?> container, String probe) {
        return (String) map(map(container.get(probe)).get("httpGet")).get("path");
    }

    private static Map<?, ?> map(Object value) {
        assertTrue(value instanceof Map, "not an object: " + value);
        return (Map<?, ?>) value;
    }

    private static List<?> list(Object value) {
        assertTrue(value instanceof List, "not a list: " + value);
        return (List<?>) value;
    }
}
