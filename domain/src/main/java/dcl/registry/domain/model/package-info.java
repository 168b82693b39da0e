/** Value objects and the {@link dcl.registry.domain.model.FieldMapping} aggregate. */
package dcl.registry.domain.model;
