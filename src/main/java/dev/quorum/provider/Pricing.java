package dev.quorum.provider;

/** What a provider charges, in US dollars per million tokens of each class it reports. */
public record Pricing(double inputPerMillion, double outputPerMillion) {

    public static final Pricing FREE = new Pricing(0, 0);

    public double cost(int inputTokens, int outputTokens) {
        return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000d;
    }
}
