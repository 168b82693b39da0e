package dcl.registry.server;

import dcl.registry.adapters.rest.LookupSampling;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** What the service logs on its own: the share of lookups with a log line each. */
@ApplicationScoped
public class LoggingWiring {
    @Produces
    @Singleton
    LookupSampling lookupSampling() {
        return new LookupSampling(WiringSettings.configured().lookupLogSampleRate());
    }
}
