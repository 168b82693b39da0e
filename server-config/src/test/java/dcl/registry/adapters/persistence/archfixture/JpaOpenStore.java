package dcl.registry.adapters.persistence.archfixture;

/** Breaks the rule that database stores are package-private, reached through their ports only. */
public class JpaOpenStore {}
