package dev.quorum.consensus;

import dev.quorum.QuorumHeaders;
import dev.quorum.api.CascadeOutcome;
import dev.quorum.api.CompletionRequest;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.ProviderResponse;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;

/**
 * The decisions of a cascade (FrugalGPT-style, gated by consensus): {@link #check} says whether the cheap panel
 * agreed at least {@code minAgreement} (then its vote is the answer) or must escalate to the strong provider, and
 * {@link #result} writes the result with what the cascade cost against asking the strong provider alone.
 */
public final class Cascade {

    private final ProviderCatalog catalog;
    private final ConsensusResults results;

    public Cascade(ProviderCatalog catalog, ConsensusResults results) {
        this.catalog = catalog;
        this.results = results;
    }

    public void check(Exchange exchange) {
        ConsensusOutcome outcome = exchange.getMessage().getBody(ConsensusOutcome.class);
        exchange.setVariable(QuorumHeaders.VAR_CONSENSUS_OUTCOME, outcome);
        exchange.setVariable(QuorumHeaders.VAR_ESCALATE, !agreed(outcome));
    }

    static boolean agreed(ConsensusOutcome outcome) {
        Vote vote = outcome.vote();
        return vote != null && !vote.tie() && vote.ratio() >= outcome.plan().minAgreement() - 1e-9;
    }

    public CompletionResult result(Exchange exchange) {
        ConsensusOutcome outcome = exchange.getVariable(QuorumHeaders.VAR_CONSENSUS_OUTCOME, ConsensusOutcome.class);
        exchange.removeVariable(QuorumHeaders.VAR_CONSENSUS_OUTCOME);
        CompletionRequest request = exchange.getVariable(QuorumHeaders.VAR_REQUEST, CompletionRequest.class);
        boolean escalated = Boolean.TRUE.equals(exchange.getVariable(QuorumHeaders.VAR_ESCALATE, Boolean.class));
        String strongId = exchange.getVariable(QuorumHeaders.VAR_STRONG_PROVIDER, String.class);
        ProviderSpec strong = catalog.get(strongId);
        Double panelCost = ConsensusResults.sumCost(outcome.responses());
        double panelSpent = panelCost == null ? 0 : panelCost;
        if (!escalated) {
            double strongAlone = estimate(strong, outcome.responses());
            CompletionResult.Builder result = results.build(outcome, request, exchange);
            return result.cascade(new CascadeOutcome(outcome.plan().panel(), strongId, false,
                    String.format(Locale.ROOT, "the cheap panel agreed %.2f >= minAgreement %.2f", outcome.vote().ratio(),
                            outcome.plan().minAgreement()),
                    round(panelSpent), round(strongAlone), round(strongAlone - panelSpent))).build();
        }
        ProviderResponse strongResponse = exchange.getMessage().getBody(ProviderResponse.class);
        List<ProviderResponse> responses = new ArrayList<>(outcome.responses());
        responses.add(strongResponse);
        String why = outcome.vote() == null
                ? "only " + outcome.ballots().size() + " of " + outcome.plan().panel().size() + " cheap providers answered"
                : String.format(Locale.ROOT, "the cheap panel agreed only %.2f < minAgreement %.2f%s", outcome.vote().ratio(),
                        outcome.plan().minAgreement(), outcome.vote().tie() ? " (a tie)" : "");
        double strongCost = strongResponse.costUsd() != null ? strongResponse.costUsd() : estimate(strong, outcome.responses());
        double total = panelSpent + (strongResponse.costUsd() == null ? 0 : strongResponse.costUsd());
        CompletionResult.Builder result = CompletionResult.builder()
                .id(request.id())
                .mode(request.mode().wireName())
                .algorithm(outcome.plan().algorithm())
                .latencyMs(ConsensusResults.elapsedMillis(exchange))
                .responses(responses)
                .reasoning("Escalated to " + strongId + " because " + why + ".")
                .warnings(outcome.plan().warnings().isEmpty() ? null : outcome.plan().warnings())
                .cascade(new CascadeOutcome(outcome.plan().panel(), strongId, true, why, round(panelSpent),
                        round(strongCost), round(strongCost - total)));
        if (strongResponse.failed()) {
            return result.provider(strongId).model(strongResponse.model()).costUsd(total)
                    .error(strongResponse.error()).status(strongResponse.status()).build();
        }
        return result.from(strongResponse).costUsd(total).build();
    }

    /**
     * What the strong provider would have cost for this request: the prompt's input tokens (the most any panel member
     * reported) and the panel's mean output tokens, at the strong provider's prices.
     */
    static double estimate(ProviderSpec strong, List<ProviderResponse> responses) {
        int input = 0;
        int outputSum = 0;
        int outputs = 0;
        for (ProviderResponse response : responses) {
            if (response.inputTokens() != null) {
                input = Math.max(input, response.inputTokens());
            }
            if (response.outputTokens() != null) {
                outputSum += response.outputTokens();
                outputs++;
            }
        }
        int output = outputs == 0 ? 0 : Math.round((float) outputSum / outputs);
        return strong == null ? 0 : strong.pricing().cost(input, output);
    }

    private static double round(double usd) {
        return Math.round(usd * 1e9) / 1e9;
    }
}
