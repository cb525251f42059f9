package dev.quorum.consensus;

import dev.quorum.api.CompletionRequest;
import dev.quorum.api.ProviderResponse;
import dev.quorum.camel.ConsensusConstants;
import dev.quorum.camel.RequestConstants;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * The two steps around the judge's provider call for {@code algorithm: judge}: {@link #ask} keeps the panel's
 * outcome and puts the judge's question in place of the request, {@link #decide} reads the judge's reply into the
 * vote and restores the request. A judge that fails or names no answer leaves the majority vote standing, with a
 * note saying so.
 */
public final class ConsensusJudge {

    private final JudgeVote judgeVote;

    public ConsensusJudge(JudgeVote judgeVote) {
        this.judgeVote = judgeVote;
    }

    public void ask(Exchange exchange) {
        ConsensusOutcome outcome = exchange.getMessage().getBody(ConsensusOutcome.class);
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        exchange.setVariable(ConsensusConstants.VAR_CONSENSUS_OUTCOME, outcome);
        exchange.setVariable(ConsensusConstants.VAR_CONSENSUS_REQUEST, request);
        exchange.setVariable(ConsensusConstants.VAR_JUDGE_PROVIDER, outcome.plan().judge());
        exchange.setVariable(RequestConstants.VAR_REQUEST,
                request.withPrompt(JudgeVote.SYSTEM, judgeVote.prompt(request.prompt(), outcome.ballots())));
    }

    public ConsensusOutcome decide(Exchange exchange) {
        ProviderResponse response = exchange.getMessage().getBody(ProviderResponse.class);
        ConsensusOutcome outcome =
                exchange.getVariable(ConsensusConstants.VAR_CONSENSUS_OUTCOME, ConsensusOutcome.class);
        exchange.setVariable(RequestConstants.VAR_REQUEST,
                exchange.getVariable(ConsensusConstants.VAR_CONSENSUS_REQUEST));
        exchange.removeVariable(ConsensusConstants.VAR_CONSENSUS_REQUEST);
        exchange.removeVariable(ConsensusConstants.VAR_CONSENSUS_OUTCOME);
        String judge = outcome.plan().judge();
        Vote judged = response == null || response.failed() ? null
                : judgeVote.judged(outcome.ballots(), response.answer(), judge);
        if (judged == null) {
            String why = response == null || response.failed()
                    ? "judge " + judge + " failed (" + (response == null ? "no response" : response.error().message()) + ")"
                    : "judge " + judge + " named no answer";
            Vote majority = outcome.vote();
            Vote fallback = new Vote(majority.answer(), majority.provider(), majority.ratio(), majority.agreeing(),
                    majority.dissenting(), majority.tie(), majority.reasoning() + " The " + why + ", so the majority decided.",
                    List.of(why + "; the majority vote decided instead"), majority.shares());
            return outcome.judged(fallback, judge, response);
        }
        return outcome.judged(judged, judge, response);
    }
}
