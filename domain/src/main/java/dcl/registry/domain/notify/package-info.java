/**
 * Reviewer notifications: webhooks, their deliveries, and where a webhook may point (public https
 * receivers unless configured otherwise), judged on URLs and addresses, never by looking names up.
 */
package dcl.registry.domain.notify;
