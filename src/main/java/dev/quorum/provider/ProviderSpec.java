package dev.quorum.provider;

import java.time.Duration;
import java.util.Set;

/**
 * One configured provider as the catalog knows it: how to reach it, what it costs, how good it is and what it can
 * do. A spec that cannot be used (no key, bad settings) stays in the catalog with {@code disabledReason} set, so a
 * request naming it gets a precise answer instead of "unknown provider". {@code timeout} is the deadline of a whole
 * call and {@code firstTokenTimeout} the one of a stream's first token ({@link CallDeadline}).
 */
public record ProviderSpec(
        String id,
        ProviderKind kind,
        String model,
        String baseUrl,
        ApiKey apiKey,
        Pricing pricing,
        double quality,
        Set<String> capabilities,
        int contextWindow,
        Duration timeout,
        Integer maxOutputTokens,
        boolean simulated,
        String disabledReason,
        Duration firstTokenTimeout) {

    /** A provider whose streamed calls have only the total deadline ({@code timeout}) as first-token limit. */
    public ProviderSpec(String id, ProviderKind kind, String model, String baseUrl, ApiKey apiKey, Pricing pricing,
                        double quality, Set<String> capabilities, int contextWindow, Duration timeout,
                        Integer maxOutputTokens, boolean simulated, String disabledReason) {
        this(id, kind, model, baseUrl, apiKey, pricing, quality, capabilities, contextWindow, timeout, maxOutputTokens,
                simulated, disabledReason, timeout);
    }

    public boolean enabled() {
        return disabledReason == null;
    }

    /** The bean name of this provider's ChatModel, referenced by its {@code langchain4j-chat} endpoint. */
    public String chatModelBean() {
        return id + "ChatModel";
    }

    /** The registry name of the provider's streaming model, used for token streaming on the OpenAI API. */
    public String streamingChatModelBean() {
        return id + "StreamingChatModel";
    }
}
