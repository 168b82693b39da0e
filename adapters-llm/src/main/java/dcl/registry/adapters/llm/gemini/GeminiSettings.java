package dcl.registry.adapters.llm.gemini;

import dcl.registry.domain.error.Violations;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how to reach Gemini. The API key is configuration only: it is sent in a header (never
 * in a URL that could be logged) and {@link #toString()} hides it.
 */
public record GeminiSettings(Optional<String> apiKey, String model, URI baseUrl, Duration timeout) {
    public static final String API_KEY = "dcl.llm.gemini.api-key";
    public static final String MODEL = "dcl.llm.gemini.model";
    public static final String BASE_URL = "dcl.llm.gemini.base-url";
    public static final String TIMEOUT_MS = "dcl.llm.gemini.timeout-ms";
    public static final String DEFAULT_MODEL = "gemini-2.5-flash";
    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";
    public static final long DEFAULT_TIMEOUT_MS = 10_000;
    private static final Pattern MODEL_NAME = Pattern.compile("[a-z0-9][a-z0-9.\\-]{0,79}");

    public GeminiSettings {
        Violations v = new Violations();
        apiKey = apiKey.map(String::trim).filter(k -> !k.isEmpty());
        if (model == null || !MODEL_NAME.matcher(model).matches()) {
            v.add(
                    MODEL,
                    "must be a Gemini model name such as "
                            + DEFAULT_MODEL
                            + " (lower-case letters, digits, '.', '-')");
        }
        if (baseUrl == null
                || !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))
                || baseUrl.getHost() == null) {
            v.add(BASE_URL, "must be an http(s) URL such as " + DEFAULT_BASE_URL);
        }
        if (timeout == null || timeout.toMillis() < 100 || timeout.toMillis() > 120_000) {
            v.add(TIMEOUT_MS, "must be between 100 and 120000 milliseconds");
        }
        v.throwIfAny();
    }

    public boolean configured() {
        return apiKey.isPresent();
    }

    @Override
    public String toString() {
        return "GeminiSettings[model="
                + model
                + ", baseUrl="
                + baseUrl
                + ", timeout="
                + timeout.toMillis()
                + " ms, apiKey="
                + (apiKey.isPresent() ? "(set)" : "(not set)")
                + "]";
    }
}
