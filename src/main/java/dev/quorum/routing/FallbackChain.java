package dev.quorum.routing;

import dev.quorum.api.CompletionRequest;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.ProviderResponse;
import dev.quorum.camel.ProviderConstants;
import dev.quorum.camel.RequestConstants;
import dev.quorum.camel.RoutingConstants;
import dev.quorum.provider.TokenSink;
import org.apache.camel.Exchange;

/**
 * The steps of the single-mode loop over a {@link RoutePlan}: {@link #next} names the provider to call,
 * {@link #record} keeps its response and says whether to try the next one (it failed and one is left), and
 * {@link #result} turns the plan into the request's result with its route decision.
 */
public final class FallbackChain {

    public void next(Exchange exchange) {
        RoutePlan plan = plan(exchange);
        exchange.setVariable(ProviderConstants.VAR_PROVIDER, plan.next());
        exchange.setVariable(RoutingConstants.VAR_TRY_NEXT, false);
    }

    public void record(Exchange exchange) {
        RoutePlan plan = plan(exchange);
        ProviderResponse response = exchange.getMessage().getBody(ProviderResponse.class);
        plan.record(response);
        // once a provider's tokens reached the caller, another provider's answer cannot follow them
        TokenSink sink = exchange.getVariable(ProviderConstants.VAR_TOKEN_SINK, TokenSink.class);
        exchange.setVariable(RoutingConstants.VAR_TRY_NEXT, response.failed() && plan.next() != null
                && (sink == null || !sink.started()));
    }

    public CompletionResult result(Exchange exchange) {
        RoutePlan plan = plan(exchange);
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        ProviderResponse last = plan.last();
        Long started = exchange.getVariable(RequestConstants.VAR_STARTED, Long.class);
        CompletionResult.Builder result = CompletionResult.builder()
                .id(request.id())
                .mode(request.mode().wireName())
                .latencyMs(started == null ? 0 : (System.nanoTime() - started) / 1_000_000)
                .route(plan.decision())
                .responses(plan.responses());
        if (last.failed()) {
            return result.provider(last.provider()).model(last.model()).error(last.error()).status(last.status()).build();
        }
        return result.from(last).build();
    }

    private static RoutePlan plan(Exchange exchange) {
        return exchange.getVariable(RoutingConstants.VAR_ROUTE_PLAN, RoutePlan.class);
    }
}
