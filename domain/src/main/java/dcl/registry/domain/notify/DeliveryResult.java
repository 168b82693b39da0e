package dcl.registry.domain.notify;

import java.util.Optional;

/**
 * What one delivery attempt got: the receiver's HTTP status, or a {@link Failure} when there was
 * none. A failure is deliberately coarse: admins read it, and "refused" versus "timed out" on an
 * arbitrary port would map the internal network for them. The details go to the server log only.
 */
public record DeliveryResult(Optional<Integer> httpStatus, Optional<Failure> failure) {
    /** Why an attempt got no HTTP status, in words that reveal nothing about the network. */
    public enum Failure {
        /** Not resolved, not connected, no (complete) answer in time: all the same to an admin. */
        NO_ANSWER("no answer from the receiver", true),
        /**
         * The URL or an address its host resolved to is not allowed by the {@link TargetPolicy};
         * waiting will not change that.
         */
        TARGET_NOT_ALLOWED("target address not allowed", false);

        private final String text;
        private final boolean worthRetrying;

        Failure(String text, boolean worthRetrying) {
            this.text = text;
            this.worthRetrying = worthRetrying;
        }

        public String text() {
            return text;
        }
    }

    public DeliveryResult {
        if (httpStatus.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("an attempt has either an HTTP status or a failure");
        }
    }

    public static DeliveryResult answered(int httpStatus) {
        return new DeliveryResult(Optional.of(httpStatus), Optional.empty());
    }

    public static DeliveryResult failed(Failure failure) {
        return new DeliveryResult(Optional.empty(), Optional.of(failure));
    }

    public boolean delivered() {
        return httpStatus.map(s -> s >= 200 && s < 300).orElse(false);
    }

    /**
     * Whether another attempt may go differently: any answer (a receiver may recover), and no
     * answer, but not a refused target.
     */
    public boolean worthRetrying() {
        return failure.map(f -> f.worthRetrying).orElse(true);
    }
}
