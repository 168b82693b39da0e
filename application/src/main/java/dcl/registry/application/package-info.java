/**
 * Use cases: plain Java implementations of the inbound ports, orchestrating outbound ports. No
 * framework code; CDI producers in server-config wire them, and {@link
 * dcl.registry.domain.port.out.TransactionBoundary} marks where a transaction begins and ends.
 */
package dcl.registry.application;
