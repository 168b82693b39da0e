/**
 * Every error a caller can cause, one type each; adapters map each type to exactly one status code.
 */
package dcl.registry.domain.error;
