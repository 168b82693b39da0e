/**
 * The REST adapter: JAX-RS resources that parse, call one use case and map the result; request and
 * response records; problem+json for every error. Read resources live here, the admin write path in
 * {@code admin}, what the AAM runtime calls in {@code runtime}.
 */
package dcl.registry.adapters.rest;
