package dev.quorum.consensus;

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
}
