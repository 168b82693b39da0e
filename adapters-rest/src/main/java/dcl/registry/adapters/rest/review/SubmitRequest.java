package dcl.registry.adapters.rest.review;

/**
 * Body of {@code POST /dcl/approvals/submit}: one of {@code proposalId} or {@code mappingId}, and
 * why.
 */
public record SubmitRequest(String proposalId, String mappingId, String reason) {}
