package dcl.registry.application;

import dcl.registry.domain.legacy.AcceptedEntry;
import dcl.registry.domain.legacy.ParityMismatch;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingQuery;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.Provenance;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TableMappingSet;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.RecordServiceLevelsUseCase;
import dcl.registry.domain.port.in.RolloutUseCase;
import dcl.registry.domain.port.out.DualReadObserver;
import dcl.registry.domain.port.out.LegacyMappingFolders;
import dcl.registry.domain.port.out.LoadMappings;
import dcl.registry.domain.rollout.RolloutSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * The routing layer of the mapping read stack: per tenant, the registry (the layer below), or
 * (rolled back) the legacy YAML folder; with dual-read on, the registry answers and the YAML answer
 * is compared in the background, never changing the response.
 */
public class RoutedMappingReads implements LoadMappings {
    private static final Actor LEGACY = new Actor("legacy-yaml");

    private final LoadMappings registry;
    private final RolloutUseCase rollout;
    private final JobPaths paths;
    private final LegacyMappingFolders legacy;
    private final DualReadObserver observer;
    private final RecordServiceLevelsUseCase serviceLevels;
    private final Executor background;

    public RoutedMappingReads(
            LoadMappings registry,
            RolloutUseCase rollout,
            JobPaths paths,
            LegacyMappingFolders legacy,
            DualReadObserver observer,
            RecordServiceLevelsUseCase serviceLevels,
            Executor background) {
        this.registry = registry;
        this.rollout = rollout;
        this.paths = paths;
        this.legacy = legacy;
        this.observer = observer;
        this.serviceLevels = serviceLevels;
        this.background = background;
    }

    @Override
    public Optional<FieldMapping> byIdentity(TenantId tenant, SourceRef source) {
        RolloutSettings settings = rollout.current(tenant);
        if (settings.yamlAnswers()) {
            observer.servedFromYaml(tenant);
            return legacy.find(legacyFolder(settings).orElseThrow(), source)
                    .map(entry -> fromYaml(tenant, entry));
        }
        Optional<FieldMapping> answer = registry.byIdentity(tenant, source);
        if (settings.dualRead() && settings.legacyPath().isPresent()) {
            // the folder is resolved (a file system look) off the request thread, like the
            // comparison itself
            Optional<FieldMapping> active = answer.filter(FieldMapping::isActive);
            background.execute(
                    () ->
                            legacyFolder(settings)
                                    .ifPresent(
                                            folder -> compare(settings, source, active, folder)));
        }
        return answer;
    }

    /** Only where the registry answers alone: never for YAML, never with a comparison due. */
    @Override
    public Optional<FieldMapping> servedInMemory(TenantId tenant, SourceRef source) {
        RolloutSettings settings = rollout.current(tenant);
        if (settings.yamlAnswers() || settings.dualRead()) {
            return Optional.empty();
        }
        return registry.servedInMemory(tenant, source);
    }

    @Override
    public TableMappingSet table(TenantId tenant, ConnectorId connector, SourceTable table) {
        RolloutSettings settings = rollout.current(tenant);
        if (!settings.yamlAnswers()) {
            return registry.table(tenant, connector, table);
        }
        observer.servedFromYaml(tenant);
        Path folder = legacyFolder(settings).orElseThrow();
        SourceRef probe = new SourceRef(connector, table, new SourceField("*"));
        List<FieldMapping> entries =
                legacy.table(folder, probe).stream().map(e -> fromYaml(tenant, e)).toList();
        SourceTable spelled = entries.isEmpty() ? table : entries.get(0).source().table();
        return TableMappingSet.of(connector, spelled, legacy.loadedAtMillis(folder), entries);
    }

    @Override
    public Optional<FieldMapping> byId(TenantId tenant, MappingId id) {
        return registry.byId(tenant, id);
    }

    @Override
    public Page<FieldMapping> search(TenantId tenant, MappingQuery query, PageRequest page) {
        return registry.search(tenant, query, page);
    }

    /** The folder YAML answers from for this tenant, when it has one. */
    private Optional<Path> legacyFolder(RolloutSettings settings) {
        return settings.legacyPath()
                .map(path -> paths.forTenant(settings.tenant(), "legacyPath", path));
    }

    /**
     * Compares the registry's answer with the legacy folder's. Every comparison is counted and
     * every mismatch logged; only those of a tenant that follows the fleet's plan reach the
     * rollout's guard, which holds such a tenant on its YAML. A tenant on its own rollout (whose
     * admin's edits part its registry from its YAML) has no plan to be held from.
     */
    private void compare(
            RolloutSettings settings,
            SourceRef source,
            Optional<FieldMapping> registryAnswer,
            Path folder) {
        TenantId tenant = settings.tenant();
        Optional<AcceptedEntry> yaml = legacy.find(folder, source);
        String expected =
                yaml.map(e -> e.target() + " " + e.transform().map(Object::toString).orElse(""))
                        .orElse("none")
                        .strip();
        String actual =
                registryAnswer
                        .map(m -> m.target() + " " + m.transform().map(Object::toString).orElse(""))
                        .orElse("none")
                        .strip();
        boolean matched = expected.equals(actual);
        if (settings.followsPlan()) {
            serviceLevels.dualRead(settings, matched);
        }
        observer.compared(tenant, matched);
        if (!matched) {
            observer.mismatch(
                    tenant,
                    new ParityMismatch(
                            source.connector().value(),
                            source.table().name(),
                            source.field().name(),
                            "answer",
                            expected,
                            actual));
        }
    }

    /** A mapping as the YAML states it; its id is derived from its identity, so it is stable. */
    private static FieldMapping fromYaml(TenantId tenant, AcceptedEntry entry) {
        UUID id =
                UUID.nameUUIDFromBytes(
                        (tenant + "|" + entry.source()).getBytes(StandardCharsets.UTF_8));
        return new FieldMapping(
                new MappingId(id),
                tenant,
                entry.source(),
                entry.target(),
                entry.transform(),
                Confidence.CERTAIN,
                MappingStatus.ACTIVE,
                1,
                Provenance.YAML_IMPORT,
                Instant.EPOCH,
                Instant.EPOCH,
                LEGACY);
    }
}
