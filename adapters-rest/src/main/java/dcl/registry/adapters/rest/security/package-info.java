/** Who is calling: roles, tenant and subject from the verified JWT. */
package dcl.registry.adapters.rest.security;
