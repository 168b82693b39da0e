package dcl.registry.it;

import java.io.File;
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
