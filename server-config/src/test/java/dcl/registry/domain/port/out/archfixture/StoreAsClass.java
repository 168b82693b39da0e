package dcl.registry.domain.port.out.archfixture;

/**
 * A deliberate violation, for testing the ports rule: a class where an outbound port (an interface
 * an adapter implements) belongs.
 */
public class StoreAsClass {
    public void save(String row) {
        if (row.isEmpty()) {
            throw new IllegalArgumentException("an empty row");
        }
    }
}
