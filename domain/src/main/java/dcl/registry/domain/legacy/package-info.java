/**
 * The legacy AAM mapping files as the domain sees them: raw entries read by an adapter (the domain
 * never sees YAML), the rules that accept or reject each entry, and parity between files and
 * registry.
 */
package dcl.registry.domain.legacy;
