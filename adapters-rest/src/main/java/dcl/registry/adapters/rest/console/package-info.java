/**
 * What the web console under {@code /console/} needs from the server besides the REST API: how
 * people sign in, and the headers that lock its pages down. The console itself is static files that
 * call the REST API like any other client.
 */
package dcl.registry.adapters.rest.console;
