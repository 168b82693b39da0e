package dcl.registry.domain.archfixture;

import jakarta.persistence.Entity;

/** A deliberate violation, for testing the domain rule: a JPA annotation in a domain package. */
@Entity
public class FrameworkInDomain {}
