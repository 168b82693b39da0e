package dcl.registry.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Tracing sends tenant ids to a collector, so it is off until the operator turns it on: the WAR's
 * own configuration (the lowest MicroProfile Config ordinal) disables the OpenTelemetry SDK.
 */
class TracingDefaultTest {
    @Test
    void givenNoOperatorSetting_whenTheWarsConfigurationIsRead_thenTheOpenTelemetrySdkIsOff()
            throws IOException {
        Properties config = new Properties();
        try (InputStream in =
                getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            config.load(in);
        }
        assertEquals("true", config.getProperty("otel.sdk.disabled"));
    }
}
