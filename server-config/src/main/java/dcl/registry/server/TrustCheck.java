package dcl.registry.server;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start on unsafe trust settings (a deployment problem names the property), and states
 * the mode at start-up: development mode with a loud warning, since it trusts a key pair anyone can
 * read.
 */
public class TrustCheck implements Extension {
    private static final Logger LOG = Logger.getLogger(TrustCheck.class.getName());

    void validate(@Observes AfterDeploymentValidation validation) {
        TrustSettings trust =
                TrustSettings.read(
                        name ->
                                ConfigProvider.getConfig()
                                        .getOptionalValue(name, String.class)
                                        .filter(v -> !v.isBlank()));
        trust.problems()
                .forEach(
                        p ->
                                validation.addDeploymentProblem(
                                        new IllegalArgumentException(
                                                "Unsafe configuration: " + p)));
        if (!trust.problems().isEmpty()) {
            return;
        }
        if (trust.mode() == DeploymentMode.DEVELOPMENT) {
            LOG.warning(
                    "DEVELOPMENT MODE: tokens signed with the committed development key"
                            + " (bin/dev-keys, issuer "
                            + TrustSettings.DEVELOPMENT_ISSUER
                            + ") are trusted. Anyone can mint them: never expose this server. "
                            + "Any start without "
                            + DeploymentMode.PROPERTY
                            + "=development runs in production mode.");
        } else {
            LOG.info(
                    "Production mode: tokens are verified against the configured issuer, key and"
                            + " audience.");
        }
    }
}
