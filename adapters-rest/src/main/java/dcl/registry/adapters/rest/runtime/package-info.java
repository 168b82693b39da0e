/** What the AAM runtime calls besides lookups: record transformation. Read-only by rule. */
package dcl.registry.adapters.rest.runtime;
