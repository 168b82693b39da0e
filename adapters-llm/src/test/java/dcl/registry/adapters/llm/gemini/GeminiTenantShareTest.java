package dcl.registry.adapters.llm.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.StrategyUnavailable;
import dcl.registry.domain.intelligence.CanonicalCandidate;
import dcl.registry.domain.intelligence.LlmQuestion;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One tenant's calls take at most its share of the node's calls to the model. */
class GeminiTenantShareTest {
    private static final String ANSWER =
            "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":"
                    + "\"{\\\"target\\\":\\\"opportunity.amount\\\",\\\"confidence\\\":0.9}\""
                    + "}]},\"finishReason\":\"STOP\"}]}";

    private static LlmQuestion question(String tenant) {
        return new LlmQuestion(
                new TenantId(tenant),
                new ProposalRequest(
                        new SourceRef(
                                new ConnectorId("hubspot"),
                                new SourceTable("deals"),
                                new SourceField("amount")),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                List.of(
                        new CanonicalCandidate(
                                new CanonicalField("opportunity", "amount"),
                                Optional.empty(),
                                Optional.empty())),
                List.of());
    }

    /** Answers acme's calls only once released; anyone else's at once. */
    private static final class SlowForAcme extends GeminiCalls {
        final CountDownLatch entered = new CountDownLatch(2);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String generate(String body) {
            if (body.contains("globex-only")) {
                return ANSWER;
            }
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ANSWER;
        }
    }

    @Test
    @SuppressWarnings("UnnecessaryAssignment") // no container here: the test injects the calls
    void givenATenantsShareInFlight_whenItAsksAgain_thenItIsRefused_andAnotherTenantIsAnswered()
            throws Exception {
        SlowForAcme slow = new SlowForAcme();
        GeminiLanguageModel model = new GeminiLanguageModel();
        model.calls = slow;
        List<CompletableFuture<?>> acmes = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // half of the node's 4
            acmes.add(CompletableFuture.runAsync(() -> model.suggest(question("acme"))));
        }
        slow.entered.await(10, TimeUnit.SECONDS);

        StrategyUnavailable refused =
                assertThrows(StrategyUnavailable.class, () -> model.suggest(question("acme")));
        assertEquals("too many of this tenant's calls in flight", refused.fallback().reason());
        assertEquals(
                new CanonicalField("opportunity", "amount"),
                model.suggest(globexOnly()).target(),
                "globex is answered beside acme's calls");

        slow.release.countDown();
        CompletableFuture.allOf(acmes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(
                new CanonicalField("opportunity", "amount"),
                model.suggest(question("acme")).target(),
                "acme's share is free again once its calls are answered");
    }

    /** Globex's question, recognisable in the request body. */
    private static LlmQuestion globexOnly() {
        LlmQuestion q = question("globex");
        return new LlmQuestion(
                q.tenant(),
                new ProposalRequest(
                        q.request().source(),
                        List.of("globex-only"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                q.candidates(),
                q.similar());
    }
}
