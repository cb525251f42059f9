package dev.quorum.consensus;

import dev.quorum.api.Agreement;
import dev.quorum.api.CompletionRequest;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.ErrorInfo;
import dev.quorum.api.ProviderResponse;
import dev.quorum.api.Ranking;
import dev.quorum.camel.RequestConstants;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;

/**
 * Turns a panel's {@link ConsensusOutcome} into the one result type: the voted answer with an honest confidence
 * (the winning share of the vote times the share of the panel that answered), the agreement level, one sentence of
 * reasoning, recommendations, and every response with the panel's summed tokens and cost; or, below the quorum, an
 * error naming every provider that failed and why (504 when they all timed out, else 502).
 */
public final class ConsensusResults {

    private final double highAgreement;

    public ConsensusResults(double highAgreement) {
        this.highAgreement = highAgreement;
    }

    public CompletionResult result(Exchange exchange) {
        if (exchange.getMessage().getBody() instanceof CompletionResult done) {
            return done; // a verification ensemble builds its own result (VerifyEnsemble)
        }
        ConsensusOutcome outcome = exchange.getMessage().getBody(ConsensusOutcome.class);
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        return build(outcome, request, exchange).ranking(exchange.getVariable(RankVote.VAR_RANKING, Ranking.class)).build();
    }

    CompletionResult.Builder build(ConsensusOutcome outcome, CompletionRequest request, Exchange exchange) {
        List<ProviderResponse> responses = outcome.quorumMet() ? voted(outcome) : new ArrayList<>(outcome.responses());
        if (outcome.judgeResponse() != null) {
            responses.add(outcome.judgeResponse());
        }
        if (exchange != null && exchange.getVariable(EntailmentCheck.VAR_RESPONSES) instanceof List<?> entailment) {
            for (Object response : entailment) {
                responses.add((ProviderResponse) response);
            }
        }
        if (exchange != null && exchange.getVariable(RankVote.VAR_RESPONSES) instanceof List<?> pairwise) {
            for (Object response : pairwise) {
                responses.add((ProviderResponse) response);
            }
        }
        ConsensusPlan plan = outcome.plan();
        CompletionResult.Builder result = CompletionResult.builder()
                .id(request.id())
                .mode(request.mode().wireName())
                .algorithm(plan.algorithm())
                .latencyMs(elapsedMillis(exchange))
                .responses(responses)
                .costUsd(sumCost(responses))
                .inputTokens(sumTokens(responses, true))
                .outputTokens(sumTokens(responses, false))
                .judge(outcome.judge())
                .warnings(plan.warnings().isEmpty() ? null : plan.warnings());
        List<ProviderResponse> failures = outcome.responses().stream().filter(ProviderResponse::failed).toList();
        if (!outcome.quorumMet()) {
            return quorumNotMet(result, outcome, failures);
        }
        Vote vote = outcome.vote();
        int answered = outcome.ballots().size();
        int asked = plan.panel().size();
        String level = level(vote, answered, asked, plan.minAgreement());
        double confidence = round(vote.ratio() * answered / asked);
        List<String> recommendations = new ArrayList<>();
        switch (level) {
            case "conflict" -> recommendations.add("The providers disagree: review the answer manually before using it, "
                    + "or ask more providers.");
            case "low" -> recommendations.add(String.format(Locale.ROOT, "Agreement %.2f is below minAgreement %.2f: "
                    + "review the answer manually or ask more providers.", vote.ratio(), plan.minAgreement()));
            default -> { }
        }
        if (!failures.isEmpty()) {
            recommendations.add("Check the failing providers: " + describe(failures) + ".");
        }
        recommendations.addAll(vote.notes());
        String reasoning = vote.reasoning();
        if (!failures.isEmpty()) {
            reasoning += " " + failures.size() + " of " + asked + " providers did not answer ("
                    + String.join(", ", failures.stream().map(ProviderResponse::provider).toList()) + ").";
        }
        result.answer(vote.answer())
                .confidence(confidence)
                .agreement(new Agreement(level, round(vote.ratio()), vote.agreeing(), vote.dissenting(),
                        fastest(responses, vote), mostConfident(outcome.ballots(), vote)))
                .reasoning(reasoning)
                .recommendations(recommendations.isEmpty() ? null : List.copyOf(recommendations));
        if (vote.provider() != null) {
            outcome.responses().stream().filter(r -> r.provider().equals(vote.provider())).findFirst().ifPresent(winner -> {
                result.provider(winner.provider()).model(winner.model()).finishReason(winner.finishReason());
                if (ChatVotes.structured(request.chat())) {
                    // the agreed tool calls or JSON, as the provider whose wording won sent them
                    result.answer(winner.answer()).toolCalls(winner.toolCalls());
                }
            });
        }
        if (ChatVotes.structured(request.chat())) {
            Agreement agreement = new Agreement(level, round(vote.ratio()), vote.agreeing(), vote.dissenting(),
                    fastest(responses, vote), mostConfident(outcome.ballots(), vote));
            result.agreement(agreement.withProposals(proposals(outcome, request.chat()), invalid(outcome)));
        }
        return result;
    }

    /**
     * The panel's responses, each answer with its confidence (the share of the vote it received) and the provider's
     * accuracy the vote used.
     */
    private static List<ProviderResponse> voted(ConsensusOutcome outcome) {
        Vote vote = outcome.vote();
        List<ProviderResponse> responses = new ArrayList<>(outcome.responses().size() + 1);
        for (ProviderResponse response : outcome.responses()) {
            Ballot ballot = null;
            for (Ballot candidate : outcome.ballots()) {
                if (candidate.provider().equals(response.provider())) {
                    ballot = candidate;
                    break;
                }
            }
            responses.add(ballot == null ? response
                    : response.withVote(round(vote.share(ballot.provider())), ballot.accuracy()));
        }
        return responses;
    }

    /** Each distinct structured answer of the panel, with the providers that proposed it. */
    private static List<Agreement.Proposal> proposals(ConsensusOutcome outcome, dev.quorum.api.Chat chat) {
        List<Agreement.Proposal> proposals = new ArrayList<>();
        ChatVotes.proposals(outcome.ballots()).forEach((ballot, providers) -> {
            ProviderResponse first = outcome.responses().stream()
                    .filter(r -> r.provider().equals(providers.get(0))).findFirst().orElse(null);
            if (ChatVotes.toolCall(ballot) && first != null) {
                proposals.add(new Agreement.Proposal(first.toolCalls(), null, null, List.copyOf(providers)));
            } else if (chat.jsonMode()) {
                proposals.add(new Agreement.Proposal(null, ballot, null, List.copyOf(providers)));
            } else {
                proposals.add(new Agreement.Proposal(null, null, ballot, List.copyOf(providers)));
            }
        });
        return List.copyOf(proposals);
    }

    /** The members that answered but could not vote (not JSON, or not matching the schema). */
    private static List<String> invalid(ConsensusOutcome outcome) {
        List<String> invalid = new ArrayList<>();
        for (ProviderResponse response : outcome.responses()) {
            if (!response.failed() && outcome.ballots().stream().noneMatch(b -> b.provider().equals(response.provider()))) {
                invalid.add(response.provider());
            }
        }
        return invalid;
    }

    /** The agreeing provider whose answer arrived first (lowest latency), or null when none agreed. */
    static String fastest(List<ProviderResponse> responses, Vote vote) {
        ProviderResponse fastest = null;
        for (ProviderResponse response : responses) {
            if (!response.failed() && vote.agreeing().contains(response.provider())
                    && (fastest == null || response.latencyMs() < fastest.latencyMs())) {
                fastest = response;
            }
        }
        return fastest == null ? null : fastest.provider();
    }

    /** The provider whose answer received the largest share of the vote; a tie goes to the most accurate one. */
    static String mostConfident(List<Ballot> ballots, Vote vote) {
        Ballot best = null;
        double bestShare = -1;
        for (Ballot ballot : ballots) {
            double share = vote.share(ballot.provider());
            if (share > bestShare + 1e-9 || (Math.abs(share - bestShare) <= 1e-9 && ballot.accuracy() > best.accuracy())) {
                best = ballot;
                bestShare = share;
            }
        }
        return best == null ? null : best.provider();
    }

    /**
     * high: at least quorum.consensus.high-agreement of the vote agreed; medium: at least minAgreement; low: less, or
     * nobody could vote; conflict: no two answers agree, or the top was a tie.
     */
    String level(Vote vote, int answered, int asked, double minAgreement) {
        if (vote.ratio() <= 0) {
            return "low";
        }
        if (answered > 1 && (vote.tie() || vote.agreeing().size() < 2)) {
            return "conflict";
        }
        if (answered == 1 && asked > 1) {
            return "low";
        }
        if (vote.ratio() >= highAgreement - 1e-9 && vote.ratio() >= minAgreement - 1e-9) {
            return "high";
        }
        return vote.ratio() >= minAgreement - 1e-9 ? "medium" : "low";
    }

    private CompletionResult.Builder quorumNotMet(CompletionResult.Builder result, ConsensusOutcome outcome,
                                                  List<ProviderResponse> failures) {
        ConsensusPlan plan = outcome.plan();
        boolean allTimeouts = !failures.isEmpty() && failures.stream().allMatch(f -> f.status() == 504);
        String message = "quorum not met: " + outcome.ballots().size() + " of " + plan.panel().size()
                + " providers answered and the quorum is " + plan.quorum() + "; " + describe(failures);
        return result.error(new ErrorInfo("quorum_not_met", message, null, null, null))
                .status(allTimeouts ? 504 : 502)
                .reasoning("Too few providers answered to vote.")
                .recommendations(List.of("Check the failing providers: " + describe(failures) + ".",
                        "Lower 'quorum', raise 'timeoutMs' or add providers to the panel."));
    }

    private static String describe(List<ProviderResponse> failures) {
        List<String> parts = new ArrayList<>(failures.size());
        for (ProviderResponse failure : failures) {
            parts.add(failure.provider() + " (" + failure.error().type() + ": " + failure.error().message() + ")");
        }
        return String.join("; ", parts);
    }

    static Double sumCost(List<ProviderResponse> responses) {
        double sum = 0;
        boolean any = false;
        for (ProviderResponse response : responses) {
            if (response.costUsd() != null) {
                sum += response.costUsd();
                any = true;
            }
        }
        return any ? sum : null;
    }

    static Integer sumTokens(List<ProviderResponse> responses, boolean input) {
        int sum = 0;
        boolean any = false;
        for (ProviderResponse response : responses) {
            Integer tokens = input ? response.inputTokens() : response.outputTokens();
            if (tokens != null) {
                sum += tokens;
                any = true;
            }
        }
        return any ? sum : null;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000d;
    }

    static long elapsedMillis(Exchange exchange) {
        Long started = exchange.getVariable(RequestConstants.VAR_STARTED, Long.class);
        return started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
    }
}
