package dev.quorum.budget;

/**
 * What a model charges for each class of token it reports, in US dollars per million tokens: ordinary input, input
 * served from the provider's prompt cache, ordinary output and reasoning ("thinking") output.
 */
public record ModelPrice(double input, double output, double cachedInput, double reasoning) {

    public static final ModelPrice FREE = new ModelPrice(0, 0, 0, 0);

    /** A price with only input and output known: cached input costs as input, reasoning as output. */
    public static ModelPrice of(double input, double output) {
        return new ModelPrice(input, output, input, output);
    }

    public boolean free() {
        return input == 0 && output == 0 && cachedInput == 0 && reasoning == 0;
    }

    /** The cost of one call's tokens, each class at its own price, in nano-dollars. */
    public long costNanos(TokenClasses tokens) {
        // USD per million tokens = 1000 nano-dollars per token
        double nanos = 1000d * (tokens.uncachedInput() * input + tokens.cachedInput() * cachedInput
                + tokens.plainOutput() * output + tokens.reasoning() * reasoning);
        return Math.round(nanos);
    }

    /**
     * The most a call can cost before it is made: every prompt token at the input price and every allowed output
     * token at the dearer of the output and reasoning prices.
     */
    public long estimateNanos(int promptTokens, int maxOutputTokens) {
        return Math.round(1000d * (promptTokens * input + maxOutputTokens * Math.max(output, reasoning)));
    }
}
