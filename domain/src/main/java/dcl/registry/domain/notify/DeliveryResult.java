package dcl.registry.domain.notify;

import java.util.Optional;

/** What one delivery attempt got: the HTTP status, or the error when there was no answer. */
public record DeliveryResult(Optional<Integer> httpStatus, Optional<String> error) {
  public boolean delivered() {
    return httpStatus.map(s -> s >= 200 && s < 300).orElse(false);
  }
}
