package dcl.registry.adapters.rest.admin;

/** Body of {@code POST /dcl/jobs/{name}}; every field optional but {@code path}. */
public record StartJobRequest(String path, Boolean dryRun, Boolean allTenants) {}
