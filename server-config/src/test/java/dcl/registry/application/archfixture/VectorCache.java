package dcl.registry.application.archfixture;

import dcl.registry.domain.intelligence.QuantizedVector;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deliberate violation, for testing the infrastructure rule: vectors kept in the application (as
 * SemanticIndex did).
 */
public class VectorCache {
    final Map<String, QuantizedVector> vectors = new ConcurrentHashMap<>();
}
