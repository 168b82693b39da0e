/**
 * RFC 9457 problem+json for every error: domain errors, HTTP errors, unreadable bodies, the
 * unexpected.
 */
package dcl.registry.adapters.rest.problem;
