package dev.quorum.consensus;

import java.util.List;

/**
 * How one request's panel is asked and judged: the providers (in the order their answers are listed), the voting
 * method, the agreement that counts as consensus, the minimum of successful answers, how long the panel may take and
 * the judge provider for {@code judge}. {@code recipients} is the panel as the {@code recipientList} reads it: the
 * members' own {@code direct:provider-<id>} routes when the panel takes the configured time-out (the recipient list's
 * own), their {@code seda:panel-<id>} queues with the request's time-out when it names another ({@code ownTimeout}).
 * {@code warnings} say who was left out of the panel and why; the result carries them.
 */
public record ConsensusPlan(List<String> panel, String algorithm, double minAgreement, int quorum, long timeoutMs,
                            String judge, boolean ownTimeout, String recipients, List<String> warnings) {

    public ConsensusPlan {
        panel = List.copyOf(panel);
        warnings = List.copyOf(warnings);
    }

    static ConsensusPlan of(List<String> panel, String algorithm, double minAgreement, int quorum, long timeoutMs,
                            String judge, boolean ownTimeout, List<String> warnings) {
        StringBuilder recipients = new StringBuilder(panel.size() * 24);
        for (String id : panel) {
            if (!recipients.isEmpty()) {
                recipients.append(',');
            }
            if (ownTimeout) {
                recipients.append("seda:panel-").append(id).append("?waitForTaskToComplete=Always&timeout=")
                        .append(timeoutMs);
            } else {
                recipients.append("direct:provider-").append(id);
            }
        }
        return new ConsensusPlan(panel, algorithm, minAgreement, quorum, timeoutMs, judge, ownTimeout,
                recipients.toString(), warnings);
    }
}
