package dcl.registry.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Proposal accuracy through the real API, cold mode: for each file of ../shared/bench/dev, a fresh
 * tenant gets exactly the file's canonical model (PUT /canonical/entities, default entities removed),
 * then every case is proposed; prints top-1 and top-3 accuracy, proposals per second and p95 latency.
 *
 * <p>Run: {@code ./mvnw -q -pl server-config exec:java@bench-proposals} with the service running.
 */
public final class ProposalBenchmark {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ProposalBenchmark() {}

  public static void main(String[] args) throws Exception {
    String base = System.getProperty("bench.url", "http://localhost:9080");
    Path folder = Path.of(System.getProperty("bench.dev", "../../shared/bench/dev"));
    DevToken tokens = new DevToken(Path.of(System.getProperty("bench.key", "../bin/dev-keys/private.pem")));
    int allCases = 0;
    int allTop1 = 0;
    int allTop3 = 0;
    List<Path> files;
    try (var listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      JsonObject bench = parse(Files.readString(file)).asJsonObject();
      String tenant = "proposal-bench-" + UUID.randomUUID().toString().substring(0, 8);
      String admin = tokens.mint(tenant, "bench", "admin");
      installSchema(base, admin, bench.getJsonObject("canonical").getJsonObject("entities"));
      int cases = 0;
      int top1 = 0;
      int top3 = 0;
      List<Long> latencies = new ArrayList<>();
      long start = System.nanoTime();
      for (JsonValue value : bench.getJsonArray("cases")) {
        JsonObject c = value.asJsonObject();
        var request = Json.createObjectBuilder()
            .add("connector", c.getString("connector").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-"))
            .add("sourceTable", c.getString("table")).add("sourceField", c.getString("field"));
        if (c.containsKey("samples")) {
          var samples = Json.createArrayBuilder();
          c.getJsonArray("samples").forEach(s -> samples.add(s.getValueType() == JsonValue.ValueType.STRING
              ? ((jakarta.json.JsonString) s).getString() : s.toString()));
          request.add("sampleValues", samples);
        }
        for (String key : new String[] {"description", "table_description", "type"}) {
          if (c.containsKey(key) && !c.isNull(key)) {
            request.add(key.equals("table_description") ? "tableDescription" : key, c.getString(key));
          }
        }
        long t0 = System.nanoTime();
        JsonObject proposal = parse(send(base + "/dcl/intelligence/propose-mapping", admin, "POST", request.build().toString()))
            .asJsonObject();
        latencies.add(System.nanoTime() - t0);
        Set<String> expected = new HashSet<>();
        if (c.containsKey("expected_any")) {
          c.getJsonArray("expected_any").forEach(e -> expected.add(((jakarta.json.JsonString) e).getString()));
        } else {
          expected.add(c.getString("expected"));
        }
        List<String> ranked = new ArrayList<>();
        ranked.add(proposal.getString("canonicalEntity") + "." + proposal.getString("canonicalField"));
        proposal.getJsonArray("alternatives").forEach(a -> ranked.add(
            a.asJsonObject().getString("canonicalEntity") + "." + a.asJsonObject().getString("canonicalField")));
        cases++;
        top1 += expected.contains(ranked.get(0)) ? 1 : 0;
        top3 += ranked.stream().limit(3).anyMatch(expected::contains) ? 1 : 0;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "lexical cold %-28s cases=%3d top-1=%.2f top-3=%.2f  %.0f proposals/s  p95=%.1f ms%n",
          file.getFileName(), cases, (double) top1 / cases, (double) top3 / cases, cases / seconds,
          sorted[(int) Math.ceil(0.95 * sorted.length) - 1] / 1e6);
      allCases += cases;
      allTop1 += top1;
      allTop3 += top3;
    }
    System.out.printf(Locale.ROOT, "lexical cold %-28s cases=%3d top-1=%.2f top-3=%.2f%n", "overall", allCases,
        (double) allTop1 / allCases, (double) allTop3 / allCases);
  }

  private static void installSchema(String base, String token, JsonObject entities) throws Exception {
    JsonArray current = parse(send(base + "/dcl/canonical/entities", token, "GET", null)).asJsonArray();
    Set<String> wanted = new HashSet<>(entities.keySet());
    for (JsonValue entity : current) {
      String name = entity.asJsonObject().getString("name");
      if (!wanted.contains(name)) {
        send(base + "/dcl/canonical/entities/" + name, token, "DELETE", null);
      }
    }
    for (String name : entities.keySet()) {
      var fields = Json.createArrayBuilder();
      for (JsonValue f : entities.getJsonArray(name)) {
        JsonObject field = f.asJsonObject();
        var out = Json.createObjectBuilder().add("name", field.getString("name"));
        for (String key : Arrays.asList("type", "description")) {
          if (field.containsKey(key) && !field.isNull(key)) {
            out.add(key, field.getString(key));
          }
        }
        fields.add(out);
      }
      send(base + "/dcl/canonical/entities/" + name, token, "PUT",
          Json.createObjectBuilder().add("fields", fields).build().toString());
    }
  }

  private static String send(String url, String token, String method, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 400 && !"DELETE".equals(method)) {
      throw new IllegalStateException(method + " " + url + " → " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private static JsonValue parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
