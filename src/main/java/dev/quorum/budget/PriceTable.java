package dev.quorum.budget;

import dev.quorum.provider.ProviderKind;
import dev.quorum.provider.ProviderSpec;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The price of each provider's model, resolved once at start-up. Per token class the first that is set wins:
 * the provider's own {@code price-input}/{@code price-output}, then {@code quorum.price.<model>.*}, then the built-in
 * list prices of common models ({@link #DEFAULTS}). Local Ollama models cost nothing. A provider whose price is
 * found nowhere is <em>unknown</em>: its calls cost 0 and carry a warning, never silently.
 */
public final class PriceTable {

    /** List prices (USD per million tokens: input, output, cached input, reasoning) of common hosted models. */
    static final Map<String, ModelPrice> DEFAULTS = defaults();

    private final Map<String, ModelPrice> byProvider;

    PriceTable(Map<String, ModelPrice> byProvider) {
        this.byProvider = Map.copyOf(byProvider);
    }

    /**
     * Resolves the price of every provider. {@code providerPrices} holds the providers' explicitly configured
     * {@code price-input}/{@code price-output} (absent when not set), {@code modelPrices} the {@code quorum.price.*}
     * entries by model.
     */
    static Map<String, ModelPrice> resolve(Iterable<ProviderSpec> specs, Map<String, Double[]> providerPrices,
                                           Map<String, Map<String, Double>> modelPrices) {
        Map<String, ModelPrice> resolved = new LinkedHashMap<>();
        for (ProviderSpec spec : specs) {
            ModelPrice base = forModel(spec.model(), modelPrices);
            Double[] own = providerPrices.get(spec.id());
            if (own != null && (own[0] != null || own[1] != null)) {
                double in = own[0] != null ? own[0] : base != null ? base.input() : 0;
                double out = own[1] != null ? own[1] : base != null ? base.output() : 0;
                // the provider's own input and output prices; cached input and reasoning keep the model's prices
                base = base == null ? ModelPrice.of(in, out) : new ModelPrice(in, out, base.cachedInput(), base.reasoning());
            }
            if (base == null && spec.kind() == ProviderKind.OLLAMA) {
                base = ModelPrice.FREE;
            }
            if (base != null) {
                resolved.put(spec.id(), base);
            }
        }
        return resolved;
    }

    private static ModelPrice forModel(String model, Map<String, Map<String, Double>> modelPrices) {
        ModelPrice builtIn = DEFAULTS.get(model);
        if (builtIn == null) {
            // a dated model name (gpt-4o-mini-2024-07-18) takes the price of the longest listed name it starts with
            builtIn = DEFAULTS.entrySet().stream()
                    .filter(e -> model.startsWith(e.getKey() + "-"))
                    .max(Comparator.comparingInt(e -> e.getKey().length()))
                    .map(Map.Entry::getValue).orElse(null);
        }
        Map<String, Double> configured = modelPrices.get(model);
        if (configured == null || configured.isEmpty()) {
            return builtIn;
        }
        Double in = configured.get("input");
        Double out = configured.get("output");
        double input = in != null ? in : builtIn != null ? builtIn.input() : 0;
        double output = out != null ? out : builtIn != null ? builtIn.output() : 0;
        Double cached = configured.get("cached-input");
        Double reasoning = configured.get("reasoning");
        return new ModelPrice(input, output,
                cached != null ? cached : builtIn != null && in == null ? builtIn.cachedInput() : input,
                reasoning != null ? reasoning : builtIn != null && out == null ? builtIn.reasoning() : output);
    }

    /** The provider's price, or {@code null} when it is unknown. */
    public ModelPrice price(String providerId) {
        return byProvider.get(providerId);
    }

    private static Map<String, ModelPrice> defaults() {
        Map<String, ModelPrice> prices = new HashMap<>();
        // OpenAI
        prices.put("gpt-4o-mini", new ModelPrice(0.15, 0.60, 0.075, 0.60));
        prices.put("gpt-4o", new ModelPrice(2.50, 10.00, 1.25, 10.00));
        prices.put("gpt-4.1", new ModelPrice(2.00, 8.00, 0.50, 8.00));
        prices.put("gpt-4.1-mini", new ModelPrice(0.40, 1.60, 0.10, 1.60));
        prices.put("gpt-4.1-nano", new ModelPrice(0.10, 0.40, 0.025, 0.40));
        prices.put("gpt-5", new ModelPrice(1.25, 10.00, 0.125, 10.00));
        prices.put("gpt-5-mini", new ModelPrice(0.25, 2.00, 0.025, 2.00));
        prices.put("o3-mini", new ModelPrice(1.10, 4.40, 0.55, 4.40));
        prices.put("o4-mini", new ModelPrice(1.10, 4.40, 0.275, 4.40));
        // Anthropic (cached = cache read)
        prices.put("claude-haiku-4-5", new ModelPrice(1.00, 5.00, 0.10, 5.00));
        prices.put("claude-sonnet-4-5", new ModelPrice(3.00, 15.00, 0.30, 15.00));
        prices.put("claude-opus-4-1", new ModelPrice(15.00, 75.00, 1.50, 75.00));
        // Google
        prices.put("gemini-2.5-flash", new ModelPrice(0.30, 2.50, 0.075, 2.50));
        prices.put("gemini-2.5-flash-lite", new ModelPrice(0.10, 0.40, 0.025, 0.40));
        prices.put("gemini-2.5-pro", new ModelPrice(1.25, 10.00, 0.31, 10.00));
        // Mistral
        prices.put("mistral-small-latest", ModelPrice.of(0.10, 0.30));
        prices.put("mistral-medium-latest", ModelPrice.of(0.40, 2.00));
        prices.put("mistral-large-latest", ModelPrice.of(2.00, 6.00));
        // Groq
        prices.put("llama-3.3-70b-versatile", ModelPrice.of(0.59, 0.79));
        return Map.copyOf(prices);
    }
}
