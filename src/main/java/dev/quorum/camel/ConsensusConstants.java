package dev.quorum.camel;

/**
 * Consensus and cascade requests: the plan, the panel, its judge and a cascade's escalation ({@code dev.quorum.consensus},
 * docs/consensus.md). Exchange variables, and one exchange property kept by the panel's aggregation strategy.
 */
public final class ConsensusConstants {

    // --- exchange variables ---

    /** Variable: the {@link dev.quorum.consensus.ConsensusPlan} of a consensus or cascade request. */
    public static final String VAR_CONSENSUS_PLAN = "consensusPlan";

    /**
     * Variable: true when the panel's outcome needs the judge ({@link dev.quorum.consensus.ConsensusOutcome#needsJudge}),
     * for the route's choice: {@code ${body.needsJudge()}} would go through the bean language on every request.
     */
    public static final String VAR_JUDGE_NEEDED = "judgeNeeded";

    /** Variable: the panel's endpoints as the consensus recipient list reads them (comma separated). */
    public static final String VAR_PANEL_RECIPIENTS = "panelRecipients";

    /** Variable: true when the request's panel time-out differs from quorum.consensus.timeout-ms (seda members). */
    public static final String VAR_PANEL_OWN_TIMEOUT = "panelOwnTimeout";

    /** Variable: a panel's {@link dev.quorum.consensus.ConsensusOutcome} while a judge or an escalation runs. */
    public static final String VAR_CONSENSUS_OUTCOME = "consensusOutcome";

    /** Variable: the original request while a consensus judge is asked its own question. */
    public static final String VAR_CONSENSUS_REQUEST = "consensusRequest";

    /** Variable: the provider that judges a panel ({@code algorithm: judge}). */
    public static final String VAR_JUDGE_PROVIDER = "judgeProvider";

    /** Variable: the strong provider a cascade escalates to. */
    public static final String VAR_STRONG_PROVIDER = "strongProvider";

    /** Variable: {@code true} when a cascade's cheap panel did not agree enough and the strong provider is asked. */
    public static final String VAR_ESCALATE = "escalate";

    // --- exchange properties ---

    /** Exchange property: the responses a consensus panel has delivered so far (kept by the aggregation strategy). */
    public static final String PANEL_RESPONSES = "QuorumPanelResponses";

    private ConsensusConstants() {
    }
}
