package dcl.registry.adapters.rest.review;

/** Body of approve and reject: the reviewer's notes. */
public record DecisionRequest(String notes) {}
