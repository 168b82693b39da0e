package dcl.registry.adapters.persistence;

/** Fired when a restore wrote rows directly; caches forget everything after it commits. */
public record RegistryRestored() {}
