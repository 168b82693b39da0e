/**
 * PostgreSQL through JPA (EclipseLink): entities kept apart from the domain, package-private
 * mappers, repositories implementing the outbound ports, and the Flyway migrations run at start. A
 * store is named by how it reaches PostgreSQL and what it keeps: {@code Jpa*} through the registry
 * persistence unit (JPQL or native SQL, in the caller's transaction), {@code Jdbc*} through the
 * plain data source where rows must stream.
 */
package dcl.registry.adapters.persistence;
