package dcl.registry.batch;

import dcl.registry.domain.legacy.LegacyProblem;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingQuery;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.port.in.RecordJobProgressUseCase;
import dcl.registry.domain.port.in.SearchMappingsUseCase;
import dcl.registry.domain.port.in.WriteLegacyFileUseCase;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes the tenant's ACTIVE mappings back to legacy files, one per connector: the emergency
 * rollback artifact. Files are written next to their final name and moved in place when complete.
 */
@Named
@Dependent
public class ExportBatchlet extends AbstractBatchlet {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final int PAGE = 1000;

    @Inject JobContext job;
    @Inject SearchMappingsUseCase search;
    @Inject WriteLegacyFileUseCase files;
    @Inject RecordJobProgressUseCase records;

    @Override
    public String process() throws IOException {
        JobRun run = JobRun.of(job);
        Map<ConnectorId, List<FieldMapping>> byConnector =
                new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        Optional<String> cursor = Optional.empty();
        do {
            Page<FieldMapping> page =
                    search.search(
                            run.tenant(),
                            new MappingQuery(
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.of(MappingStatus.ACTIVE),
                                    Optional.empty()),
                            new PageRequest(PAGE, cursor));
            page.items()
                    .forEach(
                            m ->
                                    byConnector
                                            .computeIfAbsent(
                                                    m.source().connector(), c -> new ArrayList<>())
                                            .add(m));
            cursor = page.next();
        } while (cursor.isPresent());

        Files.createDirectories(run.path());
        List<JsonObject> written = new ArrayList<>();
        List<LegacyProblem> skipped = new ArrayList<>();
        long mappings = 0;
        for (Map.Entry<ConnectorId, List<FieldMapping>> connector : byConnector.entrySet()) {
            Path target = run.path().resolve(connector.getKey().value() + ".yaml");
            Path partial = run.path().resolve(connector.getKey().value() + ".yaml.partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                skipped.addAll(files.write(connector.getKey(), connector.getValue(), out));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Files.move(
                    partial,
                    target,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            mappings += connector.getValue().size();
            written.add(
                    JSON.createObjectBuilder()
                            .add("name", target.getFileName().toString())
                            .add("connector", connector.getKey().value())
                            .add("mappings", connector.getValue().size())
                            .build());
        }
        JobReport.of(records, run.instanceId(), run.owner(), run.actor().subject())
                .total(mappings)
                .advance(mappings - skipped.size(), skipped.size())
                .add("exported", mappings - skipped.size())
                .append("files", written)
                .append("skipped", JobReport.problems(skipped))
                .save(records);
        return "COMPLETED";
    }
}
