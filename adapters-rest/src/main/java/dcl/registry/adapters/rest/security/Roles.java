package dcl.registry.adapters.rest.security;

/** The roles of the {@code groups} claim, as the REST contract names them. */
public final class Roles {
    public static final String VIEWER = "viewer";
    public static final String SERVICE = "service";
    public static final String REVIEWER = "reviewer";
    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";

    private Roles() {}
}
