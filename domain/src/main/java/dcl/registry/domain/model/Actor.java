package dcl.registry.domain.model;

/** Who did something: the token's subject. */
public record Actor(String subject) {
  public Actor {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("an actor needs a subject");
    }
  }

  @Override
  public String toString() {
    return subject;
  }
}
