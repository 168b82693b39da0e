package dcl.registry.adapters.llm.gemini;

/**
 * A call to Gemini that did not produce an answer; the message is safe to show (it never holds the
 * key).
 */
public class GeminiFailure extends RuntimeException {
    public GeminiFailure(String message) {
        super(message, null, false, false);
    }

    /**
     * Worth another attempt after a pause: 429 (rate limited), 5xx, connection refused or reset.
     */
    public static class Transient extends GeminiFailure {
        public Transient(String message) {
            super(message);
        }
    }

    /**
     * Refused for what this request held (400, 413, 422: too long, or not a request Gemini takes):
     * the request's own failure, not Gemini's, so it does not count towards opening the circuit
     * that every tenant's proposals share.
     */
    public static class Refused extends GeminiFailure {
        public Refused(String message) {
            super(message);
        }
    }
}
