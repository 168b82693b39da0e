/**
 * Reading what a request carries, by one set of rules: bodies as strict UTF-8 JSON bound to the
 * API's request records (declared JSON types, no unknown fields, bounded nesting, every string
 * checked by the domain's {@link dcl.registry.domain.model.TextRule}), and path and query
 * parameters checked by the same rule. Every violation is reported as {@link
 * dcl.registry.domain.error.InvalidInput}, so callers get one 400 problem listing all of them.
 */
package dcl.registry.adapters.rest.input;
