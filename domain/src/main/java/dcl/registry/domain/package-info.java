/**
 * The mapping world in plain Java: what a field mapping is, the rules it obeys, and the ports
 * through which use cases reach the outside. Depends on the JDK only.
 */
package dcl.registry.domain;
