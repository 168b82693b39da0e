/** A tenant's canonical model: entities and their fields, what mappings and proposals point to. */
package dcl.registry.domain.canonical;
