package dcl.registry.it;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.File;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploys the real WAR, as built by this module, to the Liberty test server; tests talk HTTP to it.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedRegistry {
    @Deployment(testable = false)
    static WebArchive registry() {
        TestDatabase.ensureStarted();
        OtlpReceiver.ensureStarted();
        return ShrinkWrap.createFromZipFile(
                WebArchive.class,
                new File(System.getProperty("dcl.war", "target/dcl-registry.war")));
    }

    /**
     * A {@code propose-mapping} body: the field and its samples, asked of {@code strategy}, or of
     * the installation's strategy when it is null.
     */
    static String proposalJson(
            String strategy, String connector, String table, String field, String... samples) {
        JsonObjectBuilder body =
                Json.createObjectBuilder()
                        .add("connector", connector)
                        .add("sourceTable", table)
                        .add("sourceField", field)
                        .add("sampleValues", Json.createArrayBuilder(List.of(samples)));
        if (strategy != null) {
            body.add("strategy", strategy);
        }
        return body.build().toString();
    }

    static String mappingJson(
            String connector, String table, String field, String entity, String canonical) {
        return "{\"connector\":\""
                + connector
                + "\",\"sourceTable\":\""
                + table
                + "\",\"sourceField\":\""
                + field
                + "\",\"canonicalEntity\":\""
                + entity
                + "\",\"canonicalField\":\""
                + canonical
                + "\"}";
    }
}
