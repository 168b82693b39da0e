/**
 * PostgreSQL through JPA (EclipseLink): entities kept apart from the domain, package-private
 * mappers, repositories implementing the outbound ports, and the Flyway migrations run at start.
 */
package dcl.registry.adapters.persistence;
