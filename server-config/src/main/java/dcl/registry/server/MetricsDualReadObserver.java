package dcl.registry.server;

import dcl.registry.domain.legacy.ParityMismatch;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.DualReadObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** Dual-read and YAML-served reads in /metrics (per tenant), and every mismatch in the log. */
@ApplicationScoped
public class MetricsDualReadObserver implements DualReadObserver {
  private static final Logger LOG = Logger.getLogger(MetricsDualReadObserver.class.getName());

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Override
  public void compared(TenantId tenant, boolean matched) {
    registry.counter("dcl_dual_read_comparisons", new Tag("tenant", tenant.value())).inc();
    if (!matched) {
      registry.counter("dcl_dual_read_mismatches", new Tag("tenant", tenant.value())).inc();
    }
  }

  @Override
  public void mismatch(TenantId tenant, ParityMismatch m) {
    LOG.warning(() -> String.format("Dual-read mismatch: tenant=%s connector=%s table=%s field=%s expected(yaml)=%s actual(registry)=%s",
        tenant, m.connector(), m.table(), m.field(), m.expected(), m.actual()));
  }

  @Override
  public void servedFromYaml(TenantId tenant) {
    registry.counter("dcl_yaml_reads", new Tag("tenant", tenant.value())).inc();
  }
}
