package dcl.registry.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How far the service trusts its configuration. {@code production} is the default of every start;
 * only the README's run command (and the integration tests) ask for {@code development}, which
 * trusts the development key pair committed in {@code bin/dev-keys} and says so loudly.
 */
public enum DeploymentMode {
    DEVELOPMENT,
    PRODUCTION;

    static final String PROPERTY = "dcl.mode";

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode this server was started in: production unless {@code dcl.mode} says otherwise. */
    static DeploymentMode configured() {
        return ConfigProvider.getConfig()
                .getOptionalValue(PROPERTY, String.class)
                .flatMap(DeploymentMode::parse)
                .orElse(PRODUCTION);
    }

    static Optional<DeploymentMode> parse(String text) {
        return Arrays.stream(values())
                .filter(m -> m.label().equals(text.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
