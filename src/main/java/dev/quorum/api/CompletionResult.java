package dev.quorum.api;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one result every trigger returns: the answer and where it came from (provider, model, tokens, cost, latency),
 * every provider response behind it, how a panel voted and how the request was routed, or an {@code error} saying
 * what went wrong. {@code judge} names the provider that judged a consensus panel, {@code cascade} says what a
 * cascade did, {@code template} which prompt template gave the prompt, {@code cached} and {@code cache} that the
 * answer came from the response cache (docs/cache.md), {@code choices} the n choices of a single-mode request that
 * asked for more than one (the first is also {@code answer}; tokens and cost are the sum of all n calls).
 * {@code toolCalls} holds the tools the answering provider (or a panel's majority) asked to call.
 * {@code verification} and {@code ranking} what a verify or rank ensemble did. {@code status} is the HTTP-style
 * status the trigger reports; it is not part of the
 * JSON body.
 * Build one with {@link #builder()}: most fields apply to some modes only and stay out of the JSON when unset.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletionResult(
        String id,
        String mode,
        String answer,
        List<Chat.ToolCall> toolCalls,
        String provider,
        String model,
        Integer inputTokens,
        Integer outputTokens,
        @JsonSerialize(using = Usd.Json.class) Double costUsd,
        Long latencyMs,
        String finishReason,
        Double confidence,
        Agreement agreement,
        String algorithm,
        String reasoning,
        List<String> recommendations,
        RouteDecision route,
        List<String> warnings,
        List<ProviderResponse> responses,
        ErrorInfo error,
        String judge,
        CascadeOutcome cascade,
        TemplateUse template,
        Boolean cached,
        CacheUse cache,
        Verification verification,
        Ranking ranking,
        List<Choice> choices,
        @JsonIgnore int status) {

    @JsonIgnore
    public boolean failed() {
        return error != null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder seeded with this result's values, for steps that add to a result. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.id = id;
        builder.mode = mode;
        builder.answer = answer;
        builder.toolCalls = toolCalls;
        builder.provider = provider;
        builder.model = model;
        builder.inputTokens = inputTokens;
        builder.outputTokens = outputTokens;
        builder.costUsd = costUsd;
        builder.latencyMs = latencyMs;
        builder.finishReason = finishReason;
        builder.confidence = confidence;
        builder.agreement = agreement;
        builder.algorithm = algorithm;
        builder.reasoning = reasoning;
        builder.recommendations = recommendations;
        builder.route = route;
        builder.warnings = warnings;
        builder.responses = responses;
        builder.error = error;
        builder.judge = judge;
        builder.cascade = cascade;
        builder.template = template;
        builder.cached = cached;
        builder.cache = cache;
        builder.verification = verification;
        builder.ranking = ranking;
        builder.choices = choices;
        builder.status = status;
        return builder;
    }

    /** Builds a {@link CompletionResult}; status defaults to 200. */
    public static final class Builder {
        private String id;
        private String mode;
        private String answer;
        private List<Chat.ToolCall> toolCalls;
        private String provider;
        private String model;
        private Integer inputTokens;
        private Integer outputTokens;
        private Double costUsd;
        private Long latencyMs;
        private String finishReason;
        private Double confidence;
        private Agreement agreement;
        private String algorithm;
        private String reasoning;
        private List<String> recommendations;
        private RouteDecision route;
        private List<String> warnings;
        private List<ProviderResponse> responses;
        private ErrorInfo error;
        private String judge;
        private CascadeOutcome cascade;
        private TemplateUse template;
        private Boolean cached;
        private CacheUse cache;
        private Verification verification;
        private Ranking ranking;
        private List<Choice> choices;
        private int status = 200;

        private Builder() {
        }

        public Builder id(String id) { this.id = id; return this; }
        public Builder mode(String mode) { this.mode = mode; return this; }
        public Builder answer(String answer) { this.answer = answer; return this; }
        public Builder toolCalls(List<Chat.ToolCall> toolCalls) { this.toolCalls = toolCalls; return this; }
        public Builder provider(String provider) { this.provider = provider; return this; }
        public Builder model(String model) { this.model = model; return this; }
        public Builder inputTokens(Integer inputTokens) { this.inputTokens = inputTokens; return this; }
        public Builder outputTokens(Integer outputTokens) { this.outputTokens = outputTokens; return this; }
        public Builder costUsd(Double costUsd) { this.costUsd = costUsd; return this; }
        public Builder latencyMs(Long latencyMs) { this.latencyMs = latencyMs; return this; }
        public Builder finishReason(String finishReason) { this.finishReason = finishReason; return this; }
        public Builder confidence(Double confidence) { this.confidence = confidence; return this; }
        public Builder agreement(Agreement agreement) { this.agreement = agreement; return this; }
        public Builder algorithm(String algorithm) { this.algorithm = algorithm; return this; }
        public Builder reasoning(String reasoning) { this.reasoning = reasoning; return this; }
        public Builder recommendations(List<String> recommendations) { this.recommendations = recommendations; return this; }
        public Builder route(RouteDecision route) { this.route = route; return this; }
        public Builder warnings(List<String> warnings) { this.warnings = warnings; return this; }
        public Builder responses(List<ProviderResponse> responses) { this.responses = responses; return this; }
        public Builder error(ErrorInfo error) { this.error = error; return this; }
        public Builder judge(String judge) { this.judge = judge; return this; }
        public Builder cascade(CascadeOutcome cascade) { this.cascade = cascade; return this; }
        public Builder template(TemplateUse template) { this.template = template; return this; }
        public Builder cached(Boolean cached) { this.cached = cached; return this; }
        public Builder cache(CacheUse cache) { this.cache = cache; return this; }
        public Builder verification(Verification verification) { this.verification = verification; return this; }
        public Builder ranking(Ranking ranking) { this.ranking = ranking; return this; }
        public Builder choices(List<Choice> choices) { this.choices = choices; return this; }
        public Builder status(int status) { this.status = status; return this; }

        /** Copies answer, provider, model, usage, cost and finish reason from one successful provider response. */
        public Builder from(ProviderResponse response) {
            this.answer = response.answer();
            this.toolCalls = response.toolCalls();
            this.provider = response.provider();
            this.model = response.model();
            this.inputTokens = response.inputTokens();
            this.outputTokens = response.outputTokens();
            this.costUsd = response.costUsd();
            this.finishReason = response.finishReason();
            return this;
        }

        public CompletionResult build() {
            return new CompletionResult(id, mode, answer, toolCalls, provider, model, inputTokens, outputTokens, costUsd, latencyMs,
                    finishReason, confidence, agreement, algorithm, reasoning, recommendations, route, warnings,
                    responses, error, judge, cascade, template, cached, cache, verification, ranking, choices,
                    status);
        }
    }
}
