package dev.quorum.consensus;

import dev.quorum.api.CascadeOutcome;
import dev.quorum.api.CompletionRequest;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.ProviderResponse;
import dev.quorum.camel.ConsensusConstants;
import dev.quorum.camel.RequestConstants;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;

/**
 * The decisions of a cascade (FrugalGPT-style, gated by consensus): {@link #check} says whether the cheap panel
 * agreed at least {@code minAgreement} (then its vote is the answer) or must escalate to the strong provider, and
 * {@link #result} writes the result with what the cascade cost against asking the strong provider alone. When a budget
 * refuses the escalation, the panel's vote is the answer, with a warning naming the budget.
 */
public final class Cascade {

    /** The error type of a call a budget refused (BudgetGate). */
    private static final String BUDGET_EXCEEDED = "budget_exceeded";

    private final ProviderCatalog catalog;
    private final ConsensusResults results;

    public Cascade(ProviderCatalog catalog, ConsensusResults results) {
        this.catalog = catalog;
        this.results = results;
    }

    public void check(Exchange exchange) {
        ConsensusOutcome outcome = exchange.getMessage().getBody(ConsensusOutcome.class);
        exchange.setVariable(ConsensusConstants.VAR_CONSENSUS_OUTCOME, outcome);
        exchange.setVariable(ConsensusConstants.VAR_ESCALATE, !agreed(outcome));
    }

    static boolean agreed(ConsensusOutcome outcome) {
        Vote vote = outcome.vote();
        return vote != null && !vote.tie() && vote.ratio() >= outcome.plan().minAgreement() - 1e-9;
    }

    public CompletionResult result(Exchange exchange) {
        ConsensusOutcome outcome =
                exchange.getVariable(ConsensusConstants.VAR_CONSENSUS_OUTCOME, ConsensusOutcome.class);
        exchange.removeVariable(ConsensusConstants.VAR_CONSENSUS_OUTCOME);
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        boolean escalated = Boolean.TRUE.equals(exchange.getVariable(ConsensusConstants.VAR_ESCALATE, Boolean.class));
        String strongId = exchange.getVariable(ConsensusConstants.VAR_STRONG_PROVIDER, String.class);
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
        if (refusedByBudget(strongResponse) && outcome.vote() != null) {
            return panelAnswer(outcome, request, exchange, strongId, strongResponse, panelSpent,
                    estimate(strong, outcome.responses()));
        }
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

    private static boolean refusedByBudget(ProviderResponse response) {
        return response != null && response.failed() && BUDGET_EXCEEDED.equals(response.error().type());
    }

    /**
     * The panel split, but a budget refused the call to the strong provider: the panel's vote is the answer (status
     * 200, {@code escalated} false), with a warning naming the budget, rather than a 429 that throws away answers
     * already paid for. The refused call stays in {@code responses}.
     */
    private CompletionResult panelAnswer(ConsensusOutcome outcome, CompletionRequest request, Exchange exchange,
                                         String strongId, ProviderResponse refusal, double panelSpent,
                                         double strongAlone) {
        CompletionResult panel = results.build(outcome, request, exchange).build();
        List<ProviderResponse> responses = new ArrayList<>(panel.responses());
        responses.add(refusal);
        String budget = refusal.error().budget() == null ? "a budget" : "budget '" + refusal.error().budget().name() + "'";
        String split = String.format(Locale.ROOT, "the cheap panel agreed only %.2f < minAgreement %.2f%s",
                outcome.vote().ratio(), outcome.plan().minAgreement(), outcome.vote().tie() ? " (a tie)" : "");
        List<String> warnings = new ArrayList<>(panel.warnings() == null ? List.of() : panel.warnings());
        warnings.add(split + ", but " + budget + " refused the escalation to " + strongId + ": this is the cheap "
                + "panel's answer, not checked by the strong provider");
        return panel.toBuilder()
                .responses(responses)
                .warnings(warnings)
                .cascade(new CascadeOutcome(outcome.plan().panel(), strongId, false,
                        split + "; " + budget + " refused the escalation to " + strongId,
                        round(panelSpent), round(strongAlone), round(strongAlone - panelSpent)))
                .build();
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
