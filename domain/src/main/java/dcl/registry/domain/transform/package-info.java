/** Applying a table's mapping set to raw connector records, reporting problems per field. */
package dcl.registry.domain.transform;
