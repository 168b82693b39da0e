package dcl.registry.domain.port.out;

import dcl.registry.domain.model.MappingChange;

/** The append-only record of every write; part of the same transaction as the write itself. */
public interface AuditTrail {
  void record(MappingChange change);
}
