/**
 * Per-tenant rollout control: which source is authoritative (registry or legacy YAML) and
 * dual-read.
 */
package dcl.registry.domain.rollout;
