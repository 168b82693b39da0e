/** Mapping intelligence: proposal requests, candidates, and the strategies that rank them. */
package dcl.registry.domain.intelligence;
