package dev.quorum.routing;

import dev.quorum.api.Choice;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.ProviderResponse;
import dev.quorum.camel.RequestConstants;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * Joins the results of the {@code n} single-mode runs of a request that asked for {@code n} > 1 choices
 * (route complete-choices) into one result: {@code choices} in index order, the first choice also as the answer,
 * tokens and cost summed over every call, every provider response and warning kept. A run that failed (every provider
 * of its fallback chain failed) fails the request with its error; the responses of every run stay in the result, so
 * what the calls that did answer cost is still shown (each call is in the ledger on its own either way).
 */
public final class SingleChoices {

    public CompletionResult result(Exchange exchange) {
        List<?> runs = exchange.getMessage().getBody(List.class);
        List<CompletionResult> results = new ArrayList<>(runs.size());
        for (Object run : runs) {
            results.add((CompletionResult) run);
        }
        List<ProviderResponse> responses = new ArrayList<>();
        Set<String> warnings = new LinkedHashSet<>();
        List<Choice> choices = new ArrayList<>(results.size());
        CompletionResult failed = null;
        int inputTokens = 0;
        int outputTokens = 0;
        double cost = 0;
        boolean priced = false;
        for (int i = 0; i < results.size(); i++) {
            CompletionResult result = results.get(i);
            if (result.responses() != null) {
                responses.addAll(result.responses());
            }
            if (result.warnings() != null) {
                warnings.addAll(result.warnings());
            }
            if (result.failed()) {
                failed = failed == null ? result : failed;
                continue;
            }
            choices.add(Choice.of(i, result));
            inputTokens += result.inputTokens() == null ? 0 : result.inputTokens();
            outputTokens += result.outputTokens() == null ? 0 : result.outputTokens();
            if (result.costUsd() != null) {
                cost += result.costUsd();
                priced = true;
            }
        }
        Long started = exchange.getVariable(RequestConstants.VAR_STARTED, Long.class);
        CompletionResult.Builder joined = (failed != null ? failed : results.get(0)).toBuilder()
                .responses(List.copyOf(responses))
                .warnings(warnings.isEmpty() ? null : List.copyOf(warnings))
                .latencyMs(started == null ? null : (System.nanoTime() - started) / 1_000_000);
        if (failed != null) {
            return joined.build();
        }
        return joined.choices(List.copyOf(choices)).inputTokens(inputTokens).outputTokens(outputTokens)
                .costUsd(priced ? cost : null).build();
    }
}
