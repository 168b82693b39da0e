/**
 * The distributed cache in front of the runtime's lookups: embedded Infinispan, clustered with
 * JGroups in invalidation mode (each node keeps what it read; a committed write removes the entry
 * on every node), plus its settings, metrics, warming and health.
 */
package dcl.registry.adapters.persistence.cache;
