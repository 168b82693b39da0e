package dcl.registry.server;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.notify.TargetPolicy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where reviewer webhooks may point, from MicroProfile Config, checked before the application
 * starts: a mistyped allow-list entry or switch is a deployment problem naming the property, never
 * a policy wider or narrower than the one meant.
 */
public class WebhookSettings implements Extension {
    void validate(@Observes AfterDeploymentValidation validation) {
        try {
            targetPolicy();
        } catch (InvalidInput invalid) {
            invalid.violations()
                    .forEach(
                            v ->
                                    validation.addDeploymentProblem(
                                            new IllegalArgumentException(
                                                    "Invalid configuration: "
                                                            + v.field()
                                                            + " "
                                                            + v.message())));
        } catch (IllegalArgumentException unreadable) {
            validation.addDeploymentProblem(
                    new IllegalArgumentException(
                            "Invalid configuration: " + unreadable.getMessage()));
        }
    }

    /**
     * Public https receivers only, unless http is switched on and internal receivers are listed.
     */
    static TargetPolicy targetPolicy() {
        Config config = ConfigProvider.getConfig();
        String allowHttp =
                config.getOptionalValue(TargetPolicy.ALLOW_HTTP, String.class)
                        .orElse("false")
                        .trim()
                        .toLowerCase(Locale.ROOT);
        if (!allowHttp.equals("true") && !allowHttp.equals("false")) {
            throw new IllegalArgumentException(
                    TargetPolicy.ALLOW_HTTP + " must be true or false, was '" + allowHttp + "'");
        }
        List<String> allowed =
                config.getOptionalValues(TargetPolicy.ALLOWED_HOSTS, String.class)
                        .orElse(List.of());
        return TargetPolicy.of(Boolean.parseBoolean(allowHttp), allowed);
    }
}
