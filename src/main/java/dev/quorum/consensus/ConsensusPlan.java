package dev.quorum.consensus;

import java.util.List;

/**
 * How one request's panel is asked and judged: the providers (in the order their answers are listed), the voting
 * method, the agreement that counts as consensus, the minimum of successful answers, how long the panel may take and
 * the judge provider for {@code judge}. {@code recipients} is the panel as the {@code recipientList} reads it.
 */
public record ConsensusPlan(List<String> panel, String algorithm, double minAgreement, int quorum, long timeoutMs,
                            String judge, String recipients) {

    public ConsensusPlan {
        panel = List.copyOf(panel);
    }

    static ConsensusPlan of(List<String> panel, String algorithm, double minAgreement, int quorum, long timeoutMs,
                            String judge) {
        StringBuilder recipients = new StringBuilder(panel.size() * 24);
        for (String id : panel) {
            if (!recipients.isEmpty()) {
                recipients.append(',');
            }
            recipients.append("seda:panel-").append(id).append("?waitForTaskToComplete=Always&timeout=").append(timeoutMs);
        }
        return new ConsensusPlan(panel, algorithm, minAgreement, quorum, timeoutMs, judge, recipients.toString());
    }
}
