package dev.quorum.consensus;

import dev.quorum.api.CompletionRequest;
import dev.quorum.settings.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code quorum.consensus.*} defaults a request's panel starts from: voting method, agreement, quorum, time-out,
 * the default panel (or its size when taken by quality), the judge, the cascade's cheap panel and strong provider,
 * and per-provider accuracies for weighted and threshold voting. Blank lists and names mean "choose automatically".
 */
public record ConsensusSettings(String algorithm, double minAgreement, int quorum, long timeoutMs, long maxTimeoutMs,
                                List<String> panel,
                                int panelSize, double highAgreement, String judge, List<String> cascadePanel,
                                int cascadePanelSize, String cascadeStrong, Map<String, Double> accuracy) {

    public ConsensusSettings {
        panel = List.copyOf(panel);
        cascadePanel = List.copyOf(cascadePanel);
        accuracy = Map.copyOf(accuracy);
    }

    /** The defaults as {@code quorum.consensus.*} sets them (the keys and defaults of docs/configuration.md). */
    static ConsensusSettings from(Settings settings) {
        String algorithm = settings.choice("algorithm", "majority", CompletionRequest.ALGORITHMS);
        double minAgreement = settings.decimal("min-agreement", 0.66, 0, 1);
        if (minAgreement == 0) {
            throw settings.invalid("min-agreement", settings.text("min-agreement", ""), "a number above 0 and at most 1");
        }
        int quorum = settings.integer("quorum", 2, 1, Integer.MAX_VALUE);
        int panelSize = settings.integer("panel-size", 3, 1, Integer.MAX_VALUE);
        int cascadeSize = settings.integer("cascade.panel-size", 2, 1, Integer.MAX_VALUE);
        Map<String, Double> accuracy = new HashMap<>();
        for (String id : settings.entries("accuracy").keySet()) {
            accuracy.put(id, settings.decimal("accuracy." + id, 0.5, 0, 1));
        }
        long maxTimeoutMs = settings.whole("max-timeout-ms", 120_000, 1, Long.MAX_VALUE);
        long timeoutMs = settings.whole("timeout-ms", 30_000, 1, Long.MAX_VALUE);
        if (timeoutMs > maxTimeoutMs) {
            throw settings.invalid("timeout-ms", Long.toString(timeoutMs), "a whole number from 1 to "
                    + settings.key("max-timeout-ms") + " (" + maxTimeoutMs + ")");
        }
        return new ConsensusSettings(algorithm, minAgreement, quorum, timeoutMs, maxTimeoutMs,
                settings.list("panel"), panelSize, settings.decimal("high-agreement", 0.9, 0, 1),
                settings.text("judge", null), settings.list("cascade.panel"), cascadeSize,
                settings.text("cascade.strong-provider", null), accuracy);
    }
}
