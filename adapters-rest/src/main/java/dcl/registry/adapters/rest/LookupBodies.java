package dcl.registry.adapters.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dcl.registry.domain.model.FieldMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The runtime's lookup bodies, serialised once per mapping version and then served as bytes: a
 * version never changes (every change makes a new one, as the ETag says), so an entry needs no
 * invalidation, and a tenant's mapping id is part of the key. Bounded by {@code
 * dcl.cache.lookup-bodies} entries (20,000, about 8 MB), least recently used out first.
 */
@ApplicationScoped
public class LookupBodies {
    static final String MAX_ENTRIES = "dcl.cache.lookup-bodies";

    private final Jsonb jsonb = JsonbSettings.configured();
    private final Cache<Key, byte[]> bodies =
            Caffeine.newBuilder()
                    .maximumSize(
                            ConfigProvider.getConfig()
                                    .getOptionalValue(MAX_ENTRIES, Long.class)
                                    .orElse(20_000L))
                    .build();

    /** The JSON the API gives for this mapping version, byte for byte as JSON-B writes it. */
    public byte[] of(FieldMapping mapping) {
        return bodies.get(
                new Key(mapping.tenant().value(), mapping.id().toString(), mapping.version()),
                key ->
                        jsonb.toJson(MappingResponse.from(mapping))
                                .getBytes(StandardCharsets.UTF_8));
    }

    private record Key(String tenant, String mapping, long version) {}
}
