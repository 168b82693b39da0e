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
}
