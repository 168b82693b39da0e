package dcl.registry.adapters.rest.admin;

import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.decision.DecisionQuery;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.DecisionLogUseCase;
import jakarta.json.Json;
import jakarta.json.JsonWriterFactory;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A tenant's decisions written as JSON Lines while they are read, page by page: the response holds
 * one page at a time, whatever the period.
 */
final class DecisionLines implements StreamingOutput {
    private static final Logger LOG = Logger.getLogger(DecisionLines.class.getName());

    /** Made once: looking the JSON provider up per line would cost more than writing the line. */
    private static final JsonWriterFactory WRITERS = Json.createWriterFactory(Map.of());

    private final DecisionLogUseCase decisions;
    private final TenantId tenant;
    private final DecisionQuery query;

    DecisionLines(DecisionLogUseCase decisions, TenantId tenant, DecisionQuery query) {
        this.decisions = decisions;
        this.tenant = tenant;
        this.query = query;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            decisions.each(tenant, query, d -> line(writer, d));
        } catch (UncheckedIOException gone) {
            throw gone.getCause(); // the client went away: nothing more to write
        } catch (RuntimeException cut) {
            // the status is sent already: the response ends without its last chunk, which the
            // client sees as a broken transfer, and the cause is said here
            LOG.log(
                    Level.WARNING,
                    "Decision lines for tenant " + tenant.value() + " cut short",
                    cut);
            throw cut;
        }
        writer.flush();
    }

    private static void line(Writer writer, Decision d) {
        try {
            WRITERS.createWriter(writer).writeObject(DecisionJson.of(d));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
