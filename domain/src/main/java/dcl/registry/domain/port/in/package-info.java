/**
 * Inbound ports: one use case per action. Read use cases are what the runtime (AAM) side may use;
 * the write use cases belong to the admin write path only (enforced by architecture tests).
 */
package dcl.registry.domain.port.in;
