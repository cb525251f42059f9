package dev.quorum.consensus;

import dev.quorum.api.Chat;
import dev.quorum.api.CompletionRequest;
import dev.quorum.api.ErrorInfo;
import dev.quorum.api.ProviderResponse;
import dev.quorum.camel.ConsensusConstants;
import dev.quorum.camel.ProviderConstants;
import dev.quorum.camel.RequestConstants;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;

/**
 * The consensus panel's {@code recipientList} aggregation: collects every provider's {@link ProviderResponse} as it
 * arrives (a branch that failed with an exception becomes a failed response too), and in {@link #onCompletion}
 * (all answered, or the panel's time-out struck) lists the panel in order, with members that did not answer in time
 * as time-outs, and lets the request's voting method decide. The body after the recipient list is a
 * {@link ConsensusOutcome}. Stateless: what one request collected lives on its exchange.
 */
public final class ConsensusStrategy implements AggregationStrategy {

    /** Variable: whether a rank judge is to be asked ({@link ConsensusOutcome#needsRank}). */
    static final String VAR_RANK_NEEDED = "rankNeeded";
    /** Variable: a rank request whose answers all agree (or too few came): the consensus order is the ranking. */
    static final String VAR_RANK_UNANIMOUS = "rankUnanimous";

    private final ProviderCatalog catalog;
    private final Map<String, VotingMethod> methods;
    private final Map<String, Double> accuracy;

    public ConsensusStrategy(ProviderCatalog catalog, List<VotingMethod> methods, Map<String, Double> accuracy) {
        this.catalog = catalog;
        Map<String, VotingMethod> byName = new LinkedHashMap<>();
        for (VotingMethod method : methods) {
            byName.put(method.name(), method);
        }
        this.methods = Map.copyOf(byName);
        this.accuracy = Map.copyOf(accuracy);
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        if (newExchange == null) {
            return oldExchange;
        }
        Exchange result = oldExchange == null ? newExchange : oldExchange;
        @SuppressWarnings("unchecked")
        List<ProviderResponse> collected = result.getProperty(ConsensusConstants.PANEL_RESPONSES, List.class);
        if (collected == null) {
            collected = Collections.synchronizedList(new ArrayList<>(4));
            result.setProperty(ConsensusConstants.PANEL_RESPONSES, collected);
        }
        collected.add(response(newExchange));
        // a member's failure is data in the vote: it must not travel on as the panel's exception
        result.setException(null);
        return result;
    }

    @Override
    public void onCompletion(Exchange exchange, Exchange inputExchange) {
        Exchange target = exchange != null ? exchange : inputExchange;
        ConsensusPlan plan = inputExchange.getVariable(ConsensusConstants.VAR_CONSENSUS_PLAN, ConsensusPlan.class);
        @SuppressWarnings("unchecked")
        List<ProviderResponse> collected = exchange == null ? null
                : exchange.getProperty(ConsensusConstants.PANEL_RESPONSES, List.class);
        List<ProviderResponse> arrived;
        if (collected == null) {
            arrived = List.of();
        } else {
            synchronized (collected) {
                arrived = List.copyOf(collected);
            }
        }
        target.removeProperty(ConsensusConstants.PANEL_RESPONSES);
        target.setException(null);
        CompletionRequest request = inputExchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        ConsensusOutcome outcome = decide(plan, arrived, request == null ? null : request.prompt(),
                request == null ? null : request.chat());
        target.getMessage().setBody(outcome);
        target.setVariable(ConsensusConstants.VAR_JUDGE_NEEDED, outcome.needsJudge());
        target.setVariable(VAR_RANK_NEEDED, outcome.needsRank());
        target.setVariable(VAR_RANK_UNANIMOUS, "rank".equals(outcome.plan().algorithm()) && !outcome.needsRank());
    }

    /** The panel's responses in panel order, missing ones as time-outs, and the vote when the quorum is met. */
    public ConsensusOutcome decide(ConsensusPlan plan, List<ProviderResponse> arrived) {
        return decide(plan, arrived, null);
    }

    /** The same, for answers to {@code question} (the request's prompt), which the vote reads alongside them. */
    public ConsensusOutcome decide(ConsensusPlan plan, List<ProviderResponse> arrived, String question) {
        return decide(plan, arrived, question, null);
    }

    /**
     * The same for a request with a {@link Chat}: asked with tools or for JSON, the panel votes on tool calls and
     * canonical JSON exactly ({@link ChatVotes}), and answers that are not valid JSON do not vote.
     */
    public ConsensusOutcome decide(ConsensusPlan plan, List<ProviderResponse> arrived, String question, Chat chat) {
        boolean structured = ChatVotes.structured(chat);
        List<String> invalid = structured ? new ArrayList<>() : null;
        Map<String, ProviderResponse> byProvider = new LinkedHashMap<>();
        for (ProviderResponse response : arrived) {
            byProvider.putIfAbsent(response.provider(), response);
        }
        List<ProviderResponse> responses = new ArrayList<>(plan.panel().size());
        List<Ballot> ballots = new ArrayList<>(plan.panel().size());
        for (String id : plan.panel()) {
            ProviderResponse response = byProvider.get(id);
            if (response == null) {
                response = timedOut(id, plan.timeoutMs());
            }
            responses.add(response);
            if (structured && !response.failed()) {
                String ballot = ChatVotes.ballot(response, chat, invalid);
                if (ballot != null) {
                    ballots.add(new Ballot(id, ballot, accuracy(id)));
                }
            } else if (!response.failed() && response.answer() != null) {
                ballots.add(new Ballot(id, response.answer(), accuracy(id)));
            }
        }
        Vote vote = null;
        if (ballots.size() >= plan.quorum() && !ballots.isEmpty()) {
            VotingMethod method = methods.get(plan.algorithm());
            if (method == null) {
                throw new IllegalStateException("no voting method '" + plan.algorithm() + "'");
            }
            vote = structured ? ChatVotes.decide(ballots, method) : method.decide(ballots, question);
            if (structured && !invalid.isEmpty()) {
                vote = vote.withNotes(invalid);
            }
        }
        return new ConsensusOutcome(plan, List.copyOf(responses), List.copyOf(ballots), vote, null, null);
    }

    /** A provider's accuracy p for weighting: quorum.consensus.accuracy.&lt;id&gt;, else its configured quality. */
    public double accuracy(String id) {
        Double configured = accuracy.get(id);
        if (configured != null) {
            return configured;
        }
        ProviderSpec spec = catalog.get(id);
        return spec == null ? 0.5 : spec.quality();
    }

    private ProviderResponse timedOut(String id, long timeoutMs) {
        ProviderSpec spec = catalog.get(id);
        return new ProviderResponse(id, spec == null ? null : spec.model(), null, null, null, null, timeoutMs, null,
                ErrorInfo.provider("provider_timeout", id, null, "provider '" + id + "' did not answer within the panel's "
                        + timeoutMs + " ms"), 504);
    }

    private ProviderResponse response(Exchange branch) {
        if (branch.getMessage().getBody() instanceof ProviderResponse response) {
            return response;
        }
        String id = branch.getVariable(ProviderConstants.VAR_PROVIDER, String.class);
        if (id == null) {
            String endpoint = branch.getProperty(Exchange.RECIPIENT_LIST_ENDPOINT, String.class);
            id = endpoint == null ? "unknown" : endpoint.replaceFirst("^.*(provider|panel)-", "").replaceFirst("[?].*$", "");
        }
        Throwable failure = branch.getException();
        ProviderSpec spec = catalog.get(id);
        if (failure instanceof ExchangeTimedOutException timedOut) {
            return timedOut(id, timedOut.getTimeout());
        }
        String message = failure == null ? "no answer" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return new ProviderResponse(id, spec == null ? null : spec.model(), null, null, null, null, 0, null,
                ErrorInfo.provider("provider_error", id, null, "provider '" + id + "' failed: " + message), 502);
    }
}
