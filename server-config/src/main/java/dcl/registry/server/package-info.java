/** Wiring: CDI producers that assemble the plain-Java use cases from their ports. */
package dcl.registry.server;
