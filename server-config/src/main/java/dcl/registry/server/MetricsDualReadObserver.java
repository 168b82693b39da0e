package dcl.registry.server;

import dcl.registry.domain.legacy.ParityMismatch;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.DualReadObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Dual-read and YAML-served reads in /metrics, and every mismatch in the log. /metrics is scraped
 * without a token, so tenant ids appear as a label only when an operator turns on {@code
 * dcl.metrics.tenant-labels} (and protects the endpoint); otherwise the counts are totals.
 */
@ApplicationScoped
public class MetricsDualReadObserver implements DualReadObserver {
    static final String TENANT_LABELS = "dcl.metrics.tenant-labels";
    private static final Logger LOG = Logger.getLogger(MetricsDualReadObserver.class.getName());
    private static final Tag[] NO_TAGS = {};

    private final boolean tenantLabels =
            ConfigProvider.getConfig().getOptionalValue(TENANT_LABELS, Boolean.class).orElse(false);

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Override
    public void compared(TenantId tenant, boolean matched) {
        registry.counter("dcl_dual_read_comparisons", tenant(tenant)).inc();
        if (!matched) {
            registry.counter("dcl_dual_read_mismatches", tenant(tenant)).inc();
        }
    }

    @Override
    public void mismatch(TenantId tenant, ParityMismatch m) {
        LOG.warning(
                () ->
                        String.format(
                                "Dual-read mismatch: tenant=%s connector=%s table=%s field=%s"
                                        + " expected(yaml)=%s actual(registry)=%s",
                                tenant,
                                m.connector(),
                                m.table(),
                                m.field(),
                                m.expected(),
                                m.actual()));
    }

    private Tag[] tenant(TenantId tenant) {
        return tenantLabels ? new Tag[] {new Tag("tenant", tenant.value())} : NO_TAGS;
    }

    @Override
    public void servedFromYaml(TenantId tenant) {
        registry.counter("dcl_yaml_reads", tenant(tenant)).inc();
    }
}
