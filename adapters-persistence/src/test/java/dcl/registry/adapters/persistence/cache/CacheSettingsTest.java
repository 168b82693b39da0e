package dcl.registry.adapters.persistence.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CacheSettingsTest {
    @SuppressWarnings("UnnecessaryAssignment") // outside CDI, the test injects
    private static CacheSettings withSecondPass(String secondPass) {
        CacheSettings settings = new CacheSettings();
        settings.discovery = "local";
        settings.port = 7800;
        settings.maxEntries = 1;
        settings.maxMisses = 1;
        settings.expiry = "PT10M";
        settings.warm = "none";
        settings.secondPass = secondPass;
        return settings;
    }

    @Test
    void givenASecondPassThatIsNoPositiveDuration_whenChecked_thenItIsNamed() {
        assertEquals(List.of(), withSecondPass("PT0.3S").problems());
        assertEquals(
                List.of("dcl.cache.invalidation.second-pass must be positive, e.g. PT0.3S"),
                withSecondPass("PT0S").problems());
        assertEquals(
                List.of(
                        "dcl.cache.invalidation.second-pass='300' is not an ISO-8601 duration"
                                + " such as PT0.3S"),
                withSecondPass("300").problems());
    }
}
