/** What faces the AAM runtime besides REST: the legacy YAML mapping format. */
package dcl.registry.adapters.aam;
