/**
 * Integration tests: the real WAR on a real Liberty (Arquillian) against a real PostgreSQL, over
 * HTTP.
 */
package dcl.registry.it;
