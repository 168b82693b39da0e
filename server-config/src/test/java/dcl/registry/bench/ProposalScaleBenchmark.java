package dcl.registry.bench;

import dcl.registry.application.TenantRankingModels;
import dcl.registry.bench.BenchApi.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Proposal latency at scale: a fresh tenant with a generated 1,000-field canonical model (50
 * entities × 20 fields, names, types and descriptions from a fixed word list) and 100,000 known
 * ACTIVE mappings, then 300 proposals (after 30 of warm-up, and more until the tenant's own
 * re-ranker serves, its learning time printed apart) with the default strategy (no {@code strategy}
 * in the request), one at a time; the same for a 70-field model (7 × 10) in the same run, side by
 * side, with the ratio. Target: p95 under 50 ms at 1,000 fields and 100,000 mappings.
 *
 * <p>The mappings are loaded through the import path, the fastest the API offers for many (there is
 * no bulk endpoint): legacy YAML written into the tenant's jobs folder, one {@code yaml-import}
 * job; without that folder on this machine ({@code bench.jobs.root}), or with {@code
 * -Dscale.load=post}, through POST /dcl/mappings with 8 clients. The load time, and the wait until
 * the semantic index holds them (it embeds every new mapping in the background), are printed;
 * proposals are measured only after that wait, so the embedding does not compete with them.
 *
 * <p>Run: {@code ./mvnw -q -pl server-config exec:java@bench-proposal-scale} with the service
 * running. Settings: {@code bench.url} (http://localhost:9080), {@code scale.mappings} (100000),
 * {@code scale.small.mappings} (1000: the 70-field tenant's known mappings; 100000 isolates the
 * model's size), {@code scale.proposals} (300), {@code scale.warmup} (30), {@code scale.load}
 * (import, or post), {@code scale.index.wait.minutes} (20), {@code bench.jobs.root}, {@code
 * bench.key}, {@code scale.large.tenant} (a tenant an earlier run loaded, printed as "tenant …":
 * its 1,000-field model and 100,000 mappings are measured again as they are, without loading them,
 * so a change to the service can be measured in a minute rather than ten).
 */
public final class ProposalScaleBenchmark {
    private static final double TARGET_P95_MS = 50;
    private static final String FOLDER = "proposal-scale";
    private static final int STYLES = 5; // source spellings per canonical field and table

    /** How the best candidate's reasoning names the model that weighed it. */
    private static final Pattern WEIGHED_BY = Pattern.compile("weighed by (\\S+)");

    private static final String TENANT_MODEL = "tenant-";
    private static final Duration OWN_MODEL_WAIT = Duration.ofMinutes(2);

    private static final String[] ENTITIES = {
        "account",
        "contact",
        "lead",
        "opportunity",
        "campaign",
        "invoice",
        "order",
        "product",
        "quote",
        "ticket",
        "contract",
        "payment",
        "shipment",
        "supplier",
        "employee",
        "department",
        "project",
        "task",
        "meeting",
        "call",
        "message",
        "note",
        "document",
        "asset",
        "subscription",
        "plan",
        "coupon",
        "refund",
        "warehouse",
        "inventory",
        "vendor",
        "partner",
        "region",
        "territory",
        "forecast",
        "budget",
        "expense",
        "timesheet",
        "candidate",
        "interview",
        "course",
        "enrollment",
        "vehicle",
        "booking",
        "property",
        "lease",
        "policy",
        "claim",
        "incident",
        "survey"
    };

    /** Attribute words and their types; field j of every entity uses attribute j. */
    private static final String[][] ATTRIBUTES = {
        {"name", "string"},
        {"email", "string"},
        {"phone", "string"},
        {"amount", "number"},
        {"date", "date"},
        {"status", "string"},
        {"owner", "string"},
        {"count", "integer"},
        {"code", "string"},
        {"website", "string"},
        {"city", "string"},
        {"country", "string"},
        {"score", "number"},
        {"flag", "boolean"},
        {"comment", "string"},
        {"currency", "string"},
        {"rate", "number"},
        {"timestamp", "datetime"},
        {"identifier", "string"},
        {"category", "string"}
    };

    /** Qualifiers, all longer than three letters (the abbreviated spelling stays distinct). */
    private static final String[] QUALIFIERS = {
        "primary",
        "secondary",
        "billing",
        "shipping",
        "last",
        "first",
        "total",
        "expected",
        "original",
        "external"
    };

    private final BenchApi api;
    private final DevToken tokens;
    private final Path jobsRoot;
    private final boolean viaImport;

    private ProposalScaleBenchmark(String base, DevToken tokens, Path jobsRoot, boolean viaImport) {
        this.api = new BenchApi(base);
        this.tokens = tokens;
        this.jobsRoot = jobsRoot;
        this.viaImport = viaImport;
    }

    /** A generated canonical model: {@code entities} × {@code fields}. */
    private record Model(int entities, int fields) {
        String entity(int e) {
            return ENTITIES[e];
        }

        /** Field {@code j} of entity {@code e}, as words: a qualifier and an attribute. */
        String[] words(int e, int j) {
            return new String[] {QUALIFIERS[(e * 3 + j) % QUALIFIERS.length], ATTRIBUTES[j][0]};
        }

        String field(int e, int j) {
            return String.join("_", words(e, j));
        }

        String label() {
            return String.format(
                    Locale.ROOT, "%,d fields (%d × %d)", entities * fields, entities, fields);
        }
    }

    /**
     * What one tenant measured: each proposal end to end ({@code nanos}) and the strategy's own
     * time, as its decision recorded it ({@code strategyMillis}), both sorted; and the service's
     * garbage collections meanwhile, each of which stopped whatever proposal was in flight.
     */
    private record Result(
            String label,
            String load,
            long[] nanos,
            double[] strategyMillis,
            double seconds,
            int errors,
            Optional<BenchApi.Collections> collections) {
        String collected() {
            return collections
                    .map(
                            c ->
                                    String.format(
                                            Locale.ROOT,
                                            "%d, %.0f ms together",
                                            c.count(),
                                            c.seconds() * 1000))
                    .orElse("not readable");
        }

        double percentile(double p) {
            return nanos.length == 0 ? Double.NaN : nanos[rank(p, nanos.length)] / 1e6;
        }

        double strategyPercentile(double p) {
            return strategyMillis.length == 0
                    ? Double.NaN
                    : strategyMillis[rank(p, strategyMillis.length)];
        }

        private static int rank(double p, int n) {
            return Math.max(0, (int) Math.ceil(p / 100 * n) - 1);
        }

        double perSecond() {
            return nanos.length / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.url", "http://localhost:9080");
        int mappings = Integer.getInteger("scale.mappings", 100_000);
        int smallMappings = Integer.getInteger("scale.small.mappings", 1_000);
        int proposals = Integer.getInteger("scale.proposals", 300);
        int warmup = Integer.getInteger("scale.warmup", 30);
        Path jobsRoot =
                Path.of(
                        System.getProperty(
                                "bench.jobs.root", "target/liberty/wlp/usr/servers/dcl/jobs"));
        boolean viaImport =
                !"post".equals(System.getProperty("scale.load", "import"))
                        && Files.isDirectory(jobsRoot);
        DevToken tokens =
                new DevToken(
                        Path.of(System.getProperty("bench.key", "../bin/dev-keys/private.pem")));
        ProposalScaleBenchmark bench =
                new ProposalScaleBenchmark(base, tokens, jobsRoot, viaImport);
        System.out.printf(
                Locale.ROOT,
                "proposal scale: %s, default strategy, %d warm-up + %d measured proposals, one at a"
                        + " time; mappings loaded %s%n",
                base,
                warmup,
                proposals,
                viaImport
                        ? "by yaml-import from " + jobsRoot
                        : "by POST /dcl/mappings (8 clients)");
        Duration indexWait = Duration.ofMinutes(Integer.getInteger("scale.index.wait.minutes", 20));
        Optional<String> loadedLarge =
                Optional.ofNullable(System.getProperty("scale.large.tenant"));
        Result large =
                bench.measure(
                        new Model(50, 20), mappings, loadedLarge, warmup, proposals, indexWait);
        Result small =
                bench.measure(
                        new Model(7, 10),
                        smallMappings,
                        Optional.empty(),
                        warmup,
                        proposals,
                        indexWait);

        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-44s %8s %8s %8s %11s %6s   %s%n",
                "canonical model, known mappings",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "proposals/s",
                "errors",
                "load");
        for (Result r : List.of(large, small)) {
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %8.1f %8.1f %8.1f %11.1f %6d   %s%n",
                    r.label(),
                    r.percentile(50),
                    r.percentile(95),
                    r.percentile(99),
                    r.perSecond(),
                    r.errors(),
                    r.load());
        }
        System.out.printf(
                Locale.ROOT,
                "%-44s %7.2fx %7.2fx %7.2fx %10.2fx%n",
                "ratio (first row / second row)",
                large.percentile(50) / small.percentile(50),
                large.percentile(95) / small.percentile(95),
                large.percentile(99) / small.percentile(99),
                large.perSecond() / small.perSecond());
        System.out.println();
        System.out.println(
                "where the time goes: the strategy's own time (its decisions' latencyMs, the same"
                        + " proposals), the rest (HTTP, the token, storing the proposal, its"
                        + " audit and decision) and the service's garbage collections meanwhile"
                        + " (/metrics gc_total, gc_time_seconds)");
        System.out.printf(
                Locale.ROOT,
                "%-44s %8s %8s %8s %14s   %s%n",
                "canonical model, known mappings",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "rest at p50 ms",
                "collections");
        for (Result r : List.of(large, small)) {
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %8.1f %8.1f %8.1f %14.1f   %s   (%d decisions)%n",
                    r.label(),
                    r.strategyPercentile(50),
                    r.strategyPercentile(95),
                    r.strategyPercentile(99),
                    r.percentile(50) - r.strategyPercentile(50),
                    r.collected(),
                    r.strategyMillis().length);
        }
        double p95 = large.percentile(95);
        System.out.printf(
                Locale.ROOT,
                "target: p95 < %.0f ms at %s: %s (%.1f ms)%n",
                TARGET_P95_MS,
                large.label(),
                p95 < TARGET_P95_MS ? "met" : "NOT met",
                p95);
    }

    /**
     * Defines the model and loads the mappings into a new tenant, or takes {@code loaded} as it is
     * (an earlier run's tenant), then measures proposals to it.
     */
    private Result measure(
            Model model,
            int mappings,
            Optional<String> loaded,
            int warmup,
            int proposals,
            Duration indexWait)
            throws Exception {
        String tenant =
                loaded.orElse("proposal-scale-" + UUID.randomUUID().toString().substring(0, 8));
        String admin = tokens.mint(tenant, "bench-admin", "admin");
        String service = tokens.mint(tenant, "bench-aam", "service");
        String label = String.format(Locale.ROOT, "%s, %,d mappings", model.label(), mappings);
        System.out.printf(
                Locale.ROOT,
                "%n%s: tenant %s%s%n",
                label,
                tenant,
                loaded.isPresent() ? " (loaded by an earlier run, measured as it is)" : "");
        String load =
                loaded.isPresent()
                        ? "loaded earlier"
                        : load(model, mappings, tenant, admin, indexWait);
        // An earlier run asked for the same fields in tables of the same names, and the service
        // keeps recent queries' embeddings: new table numbers (a multiple of 1,000 apart, so the
        // same fields in the same order) keep every query new.
        int tables = loaded.isPresent() ? 1_000 * (1 + new Random().nextInt(999)) : 0;
        long start;
        int errors = 0;
        Proposed last = new Proposed(-1, "");
        for (int i = 0; i < warmup; i++) {
            last = propose(model, proposals + i, tables, service);
            errors += last.failed() ? 1 : 0;
        }
        if (mappings >= TenantRankingModels.MIN_EXAMPLES) {
            // A tenant that knows enough gets its own re-ranker, learned in the background on a
            // large tenant (seconds of a core, again at most once a minute after its mappings
            // change): warm up until it serves, so that what is measured is the steady state and
            // the learning is reported apart.
            start = System.nanoTime();
            int more = 0;
            while (!last.weighedBy().startsWith(TENANT_MODEL)
                    && System.nanoTime() - start < OWN_MODEL_WAIT.toNanos()) {
                last = propose(model, proposals + warmup + more++, tables, service);
            }
            System.out.printf(
                    Locale.ROOT,
                    "  the tenant's own re-ranker %s after %d more warm-up proposals (%.1f s)%n",
                    last.weighedBy().startsWith(TENANT_MODEL)
                            ? "(" + last.weighedBy() + ") serves"
                            : "did NOT serve",
                    more,
                    (System.nanoTime() - start) / 1e9);
        }
        List<Long> nanos = new ArrayList<>();
        Instant measuredFrom = Instant.now();
        Optional<BenchApi.Collections> collectedBefore = api.collections();
        start = System.nanoTime();
        for (int i = 0; i < proposals; i++) {
            Proposed p = propose(model, i, tables, service);
            if (p.failed()) {
                errors++;
            } else {
                nanos.add(p.nanos());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Optional<BenchApi.Collections> collectedAfter = api.collections();
        return new Result(
                label,
                load,
                nanos.stream().mapToLong(Long::longValue).sorted().toArray(),
                strategyMillis(admin, measuredFrom, Instant.now()),
                seconds,
                errors,
                collectedAfter.flatMap(after -> collectedBefore.map(after::since)));
    }

    /**
     * The strategy's own time of the tenant's proposals decided in [from, to], sorted, from its
     * decision records (GET /dcl/admin/decisions, JSON Lines).
     */
    private double[] strategyMillis(String admin, Instant from, Instant to) {
        Reply decisions =
                api.call(
                        "GET",
                        "/dcl/admin/decisions?from=" + from + "&to=" + to.plusSeconds(1),
                        admin,
                        null);
        if (!check("read the decisions", decisions)) {
            return new double[0];
        }
        return decisions
                .body()
                .lines()
                .filter(line -> !line.isBlank())
                .map(line -> Json.createReader(new StringReader(line)).readObject())
                .filter(d -> "proposal".equals(d.getString("kind", "")))
                .filter(d -> d.get("latencyMs") instanceof JsonNumber)
                .mapToDouble(d -> d.getJsonNumber("latencyMs").doubleValue())
                .sorted()
                .toArray();
    }

    /** Defines the model, loads the mappings and waits for the index: how long each took. */
    private String load(Model model, int mappings, String tenant, String admin, Duration indexWait)
            throws Exception {
        long start = System.nanoTime();
        defineModel(model, admin);
        System.out.printf(
                Locale.ROOT,
                "  canonical model defined in %.1f s%n",
                (System.nanoTime() - start) / 1e9);

        long indexBefore = api.indexSize();
        start = System.nanoTime();
        long loaded =
                viaImport
                        ? importMappings(model, mappings, tenant, admin)
                        : post(model, mappings, admin);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "  %,d of %,d mappings loaded in %.1f s (%.0f/s)%n",
                loaded,
                mappings,
                loadSeconds,
                loaded / loadSeconds);
        start = System.nanoTime();
        boolean indexed = awaitIndex(indexBefore < 0 ? -1 : indexBefore + loaded, indexWait);
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "  semantic index %s after %.1f s more%n",
                indexed ? "holds them" : "did NOT catch up (measuring anyway)",
                indexSeconds);

        return String.format(
                Locale.ROOT,
                "%s %.1f s + index %.1f s",
                viaImport ? "yaml-import" : "POST",
                loadSeconds,
                indexSeconds);
    }

    /** PUT /dcl/canonical/entities/{entity} for each entity of the model; removes the others. */
    private void defineModel(Model model, String admin) {
        Reply current = api.call("GET", "/dcl/canonical/entities", admin, null);
        if (current.value() instanceof JsonArray existing) {
            for (JsonValue e : existing) {
                String name = e.asJsonObject().getString("name", "");
                if (Arrays.asList(ENTITIES).subList(0, model.entities()).contains(name)) {
                    continue;
                }
                check(
                        "remove entity " + name,
                        api.call("DELETE", "/dcl/canonical/entities/" + name, admin, null));
            }
        } else {
            check("list entities", current);
        }
        for (int e = 0; e < model.entities(); e++) {
            JsonArrayBuilder fields = Json.createArrayBuilder();
            for (int j = 0; j < model.fields(); j++) {
                String[] words = model.words(e, j);
                fields.add(
                        Json.createObjectBuilder()
                                .add("name", model.field(e, j))
                                .add("type", ATTRIBUTES[j][1])
                                .add(
                                        "description",
                                        capitalised(words[0])
                                                + " "
                                                + words[1]
                                                + " of the "
                                                + model.entity(e)
                                                + "."));
            }
            JsonObjectBuilder body =
                    Json.createObjectBuilder()
                            .add("description", "The " + model.entity(e) + " (generated).")
                            .add("fields", fields);
            check(
                    "define entity " + model.entity(e),
                    api.call(
                            "PUT",
                            "/dcl/canonical/entities/" + model.entity(e),
                            admin,
                            body.build().toString()));
        }
    }

    // ---------------------------------------------------------------- the known mappings

    /**
     * The n-th known mapping: source connector {@code src<c>}, a table per entity (spelled per
     * connector), and per canonical field {@value #STYLES} source spellings (snake, camel, Pascal,
     * upper, abbreviated), so that a connector holds entities × fields × 5 mappings.
     */
    private record Known(
            String connector, String table, String field, String entity, String target) {
        static Known of(Model model, int n) {
            int perConnector = model.entities() * model.fields() * STYLES;
            int c = n / perConnector;
            int e = n % perConnector / (model.fields() * STYLES);
            int j = n % (model.fields() * STYLES) / STYLES;
            String[] words = model.words(e, j);
            String entity = model.entity(e);
            String table =
                    switch (c % 4) {
                        case 0 -> capitalised(entity) + "s";
                        case 1 -> entity;
                        case 2 -> "tbl_" + entity;
                        default -> entity.toUpperCase(Locale.ROOT);
                    };
            return new Known(
                    String.format(Locale.ROOT, "src%03d", c),
                    table,
                    spell(words, n % STYLES),
                    entity,
                    model.field(e, j));
        }
    }

    private static String spell(String[] words, int style) {
        return switch (style) {
            case 0 -> String.join("_", words);
            case 1 -> words[0] + capitalised(words[1]);
            case 2 -> capitalised(words[0]) + capitalised(words[1]);
            case 3 -> String.join("_", words).toUpperCase(Locale.ROOT);
            default ->
                    words[0].substring(0, 3)
                            + "_"
                            + words[1].substring(0, Math.min(3, words[1].length()));
        };
    }

    /**
     * Legacy YAML (one file per connector, as the legacy repository has them) in the tenant's jobs
     * folder, then one yaml-import job; the number imported, from its report.
     */
    private long importMappings(Model model, int mappings, String tenant, String admin)
            throws Exception {
        Path folder = jobsRoot.resolve(tenant).resolve(FOLDER);
        Files.createDirectories(folder);
        StringBuilder yaml = new StringBuilder();
        String connector = null;
        String table = null;
        for (int n = 0; n < mappings; n++) {
            Known k = Known.of(model, n);
            if (!k.connector().equals(connector)) {
                if (connector != null) {
                    Files.writeString(folder.resolve(connector + ".yaml"), yaml);
                }
                connector = k.connector();
                table = null;
                yaml.setLength(0);
                yaml.append("connector: ").append(connector).append("\nversion: 1\ntables:\n");
            }
            if (!k.table().equals(table)) {
                table = k.table();
                yaml.append("  ").append(table).append(":\n    entity: ").append(k.entity());
                yaml.append("\n    fields:\n");
            }
            yaml.append("      ").append(k.field()).append(": ").append(k.target()).append('\n');
        }
        if (connector != null) {
            Files.writeString(folder.resolve(connector + ".yaml"), yaml);
        }
        try {
            Reply started =
                    api.call(
                            "POST",
                            "/dcl/jobs/yaml-import",
                            admin,
                            "{\"path\":\"" + FOLDER + "\"}");
            if (!(started.json().get("executionId") instanceof JsonNumber id)) {
                check("start yaml-import", started);
                return 0;
            }
            while (true) {
                Thread.sleep(1000);
                Reply job = api.call("GET", "/dcl/jobs/" + id, admin, null);
                String status = job.json().getString("status", "?");
                if (status.equals("COMPLETED")) {
                    Reply report = api.call("GET", "/dcl/jobs/" + id + "/report", admin, null);
                    if (report.json().get("rejected") instanceof JsonArray rejected
                            && !rejected.isEmpty()) {
                        System.out.printf(
                                Locale.ROOT,
                                "  yaml-import rejected %d entries, the first: %s%n",
                                rejected.size(),
                                rejected.get(0));
                    }
                    return report.json().get("imported") instanceof JsonNumber imported
                            ? imported.longValue()
                            : 0;
                }
                if (List.of("FAILED", "STOPPED", "ABANDONED").contains(status) || !job.ok()) {
                    System.out.println(
                            "  yaml-import did not complete: " + job.status() + " " + job.body());
                    return 0;
                }
            }
        } finally {
            deleteFolder(jobsRoot.resolve(tenant));
        }
    }

    /** POST /dcl/mappings, 8 clients: the way without the jobs folder. */
    private long post(Model model, int mappings, String admin) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            clients.add(
                    pool.submit(
                            () -> {
                                for (int n = next.getAndIncrement();
                                        n < mappings;
                                        n = next.getAndIncrement()) {
                                    Known k = Known.of(model, n);
                                    Reply reply =
                                            api.call(
                                                    "POST",
                                                    "/dcl/mappings",
                                                    admin,
                                                    Json.createObjectBuilder()
                                                            .add("connector", k.connector())
                                                            .add("sourceTable", k.table())
                                                            .add("sourceField", k.field())
                                                            .add("canonicalEntity", k.entity())
                                                            .add("canonicalField", k.target())
                                                            .build()
                                                            .toString());
                                    if (reply.ok()) {
                                        created.incrementAndGet();
                                    } else {
                                        check("create mapping " + n, reply);
                                    }
                                }
                                return null;
                            }));
        }
        pool.shutdown();
        for (Future<?> client : clients) {
            client.get();
        }
        return created.get();
    }

    // ---------------------------------------------------------------- proposals

    /** A proposal's latency in nanoseconds (-1: it failed) and the model that weighed it. */
    private record Proposed(long nanos, String weighedBy) {
        boolean failed() {
            return nanos < 0;
        }
    }

    /**
     * Proposes the i-th new source field (a connector the tenant has never seen, a table of its
     * own, a field spelled from the model's words, a description for half of them).
     */
    /** The {@code i}th proposal, its table numbered {@code tables + i}. */
    private Proposed propose(Model model, int i, int tables, String service) {
        int e = (i * 7) % model.entities();
        int j = (i * 3 + i / model.entities()) % model.fields();
        String[] words = model.words(e, j);
        JsonObjectBuilder request =
                Json.createObjectBuilder()
                        .add("connector", "newcrm")
                        .add("sourceTable", model.entity(e) + "_feed_" + (tables + i))
                        .add("sourceField", spell(words, i % STYLES))
                        .add("type", ATTRIBUTES[j][1]);
        if (i % 2 == 0) {
            request.add("description", "the " + words[0] + " " + words[1] + " of this record");
        }
        long t0 = System.nanoTime();
        Reply reply =
                api.call(
                        "POST",
                        "/dcl/intelligence/propose-mapping",
                        service,
                        request.build().toString());
        long took = System.nanoTime() - t0;
        if (!check("propose #" + i, reply)) {
            return new Proposed(-1, "");
        }
        Matcher weighed = WEIGHED_BY.matcher(reply.json().getString("reasoning", ""));
        return new Proposed(took, weighed.find() ? weighed.group(1) : "");
    }

    // ---------------------------------------------------------------- the semantic index

    /** Waits until the index holds {@code expected} vectors (-1: unknown, 10 s). */
    private boolean awaitIndex(long expected, Duration max) throws InterruptedException {
        if (expected < 0) {
            Thread.sleep(10_000);
            return false;
        }
        long deadline = System.nanoTime() + max.toNanos();
        long lastNote = System.nanoTime();
        for (long size = api.indexSize(); size < expected; size = api.indexSize()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (System.nanoTime() - lastNote > 30_000_000_000L) {
                lastNote = System.nanoTime();
                System.out.printf(Locale.ROOT, "  semantic index: %,d of %,d%n", size, expected);
            }
            Thread.sleep(1000);
        }
        return true;
    }

    // ---------------------------------------------------------------- helpers

    private static final AtomicInteger FAILURES = new AtomicInteger();

    /** True when the request succeeded; else prints status and body (the first 20 failures). */
    private static boolean check(String what, Reply reply) {
        if (reply.ok()) {
            return true;
        }
        if (FAILURES.incrementAndGet() <= 20) {
            String body = reply.body().replaceAll("\\s+", " ");
            System.out.printf(
                    Locale.ROOT,
                    "  ! %s -> %d %s%n",
                    what,
                    reply.status(),
                    body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
        return false;
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
