/**
 * Service level objectives and their error budgets: what the service promises (availability of the
 * runtime's reads, lookup latency, cache hits), the counts every node records in shared time
 * buckets, and the judgement those counts lead to for a rollout (advance, halt, roll back).
 */
package dcl.registry.domain.slo;
