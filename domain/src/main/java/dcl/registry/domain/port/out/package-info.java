/** Outbound ports: one interface per need, implemented by driven adapters. */
package dcl.registry.domain.port.out;
