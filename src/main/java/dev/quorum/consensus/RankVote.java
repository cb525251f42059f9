package dev.quorum.consensus;

import dev.quorum.api.CompletionRequest;
import dev.quorum.api.ProviderResponse;
import dev.quorum.api.Ranking;
import dev.quorum.camel.ConsensusConstants;
import dev.quorum.camel.RequestConstants;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/**
 * The ranking ensemble ({@code algorithm: rank}): the panel answers in parallel, then one judge call lists every
 * answer and asks for their order, best first; the top one is returned with the whole ranking. As a voting method
 * it is the majority vote, whose order (largest group first, ties to the more accurate provider, then panel order)
 * is the <em>consensus order</em> that stands when the judge fails or its reply is unusable, and when all answers
 * agree (no judge is asked then). {@link #ask} and {@link #decide} are the steps around the judge's call in route
 * {@code complete-consensus}.
 *
 * <p>The judge's reply is read defensively: the numbers after {@code ranking=} (else a reply made only of numbers
 * and separators), each from 1 to the number of answers and none twice; answers it leaves out follow in consensus
 * order. A number out of range, a repeated one, or no ranking at all makes the reply unusable.
 */
public final class RankVote implements VotingMethod {

    static final String SYSTEM = "You rank answers that several AI models gave to the same question. You do not "
            + "answer the question yourself.";
    static final String VAR_RANKING = "ranking";
    private static final Pattern LABELLED = Pattern.compile(
            "(?i)rank(?:ing)?[*_`]*\\s*[=:]\\s*[*_`]*\\s*([\\d\\s,;>\\[\\]#.()-]+)");
    private static final Pattern BARE = Pattern.compile("[\\s\\d,;>\\[\\]#.()-]+");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

    private final MajorityVote majority = new MajorityVote();

    @Override
    public String name() {
        return "rank";
    }

    @Override
    public Vote decide(List<Ballot> ballots) {
        return majority.decide(ballots);
    }

    @Override
    public Vote decide(List<Ballot> ballots, String question) {
        return majority.decide(ballots, question);
    }

    /** The judge's question: the original question, the numbered answers and the form of the reply. */
    static String prompt(String question, List<Ballot> ballots) {
        StringBuilder prompt = JudgeVote.questionAndAnswers(question, ballots);
        prompt.append("\nRank the answers from best to worst by how correct and complete they are. Reply on one line "
                + "in exactly this form, with answer numbers only:\nranking=<answer numbers, best first, comma "
                + "separated>");
        return prompt.toString();
    }

    /** Keeps the panel's outcome and puts the judge's question in place of the request. */
    public void ask(Exchange exchange) {
        ConsensusOutcome outcome = exchange.getMessage().getBody(ConsensusOutcome.class);
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        exchange.setVariable(ConsensusConstants.VAR_CONSENSUS_OUTCOME, outcome);
        exchange.setVariable(ConsensusConstants.VAR_CONSENSUS_REQUEST, request);
        exchange.setVariable(ConsensusConstants.VAR_JUDGE_PROVIDER, outcome.plan().judge());
        exchange.setVariable(RequestConstants.VAR_REQUEST, request.withPrompt(SYSTEM, prompt(request.prompt(),
                outcome.ballots())));
    }

    /** Reads the judge's reply (the body) into the ranking, or keeps the consensus order; restores the request. */
    public ConsensusOutcome decide(Exchange exchange) {
        ProviderResponse response = exchange.getMessage().getBody(ProviderResponse.class);
        ConsensusOutcome outcome =
                exchange.getVariable(ConsensusConstants.VAR_CONSENSUS_OUTCOME, ConsensusOutcome.class);
        CompletionRequest request =
                exchange.getVariable(ConsensusConstants.VAR_CONSENSUS_REQUEST, CompletionRequest.class);
        exchange.setVariable(RequestConstants.VAR_REQUEST, request);
        exchange.removeVariable(ConsensusConstants.VAR_CONSENSUS_REQUEST);
        exchange.removeVariable(ConsensusConstants.VAR_CONSENSUS_OUTCOME);
        String judge = outcome.plan().judge();
        List<Ballot> ballots = outcome.ballots();
        List<Integer> consensus = consensusOrder(ballots, outcome.vote());
        String unusable = null;
        List<Integer> order = null;
        if (response == null || response.failed()) {
            unusable = "judge " + judge + " failed (" + (response == null ? "no response" : response.error().message()) + ")";
        } else {
            order = parse(response.answer(), ballots.size());
            if (order == null) {
                unusable = "judge " + judge + "'s reply was not a usable ranking";
            }
        }
        Ranking ranking;
        if (order == null) {
            order = consensus;
            ranking = new Ranking(providers(ballots, order), "consensus", judge, unusable + ", so the consensus order "
                    + "decided");
        } else {
            Set<Integer> full = new LinkedHashSet<>(order);
            full.addAll(consensus);
            order = List.copyOf(full);
            ranking = new Ranking(providers(ballots, order), "judge", judge, null);
        }
        exchange.setVariable(VAR_RANKING, ranking);
        return outcome.judged(ranked(ballots, outcome.vote(), order, judge, unusable), judge, response);
    }

    /** With all answers agreeing no judge is asked: the consensus order is the ranking. */
    public void unanimous(Exchange exchange) {
        ConsensusOutcome outcome = exchange.getMessage().getBody(ConsensusOutcome.class);
        if (outcome.vote() == null) {
            return;
        }
        List<Integer> order = consensusOrder(outcome.ballots(), outcome.vote());
        exchange.setVariable(VAR_RANKING, new Ranking(providers(outcome.ballots(), order), "consensus", null,
                outcome.ballots().size() < 2 ? "one answer, nothing to rank" : "the answers all agree, so no judge was asked"));
    }

    /**
     * The judge's order as 0-based answer indexes, best first, or {@code null} when the reply is unusable: no
     * ranking, a number out of range or one named twice.
     */
    static List<Integer> parse(String reply, int answers) {
        if (reply == null || reply.isBlank()) {
            return null;
        }
        String text = reply.length() > 4000 ? reply.substring(0, 4000) : reply;
        String numbers;
        Matcher labelled = LABELLED.matcher(text);
        if (labelled.find()) {
            numbers = labelled.group(1);
        } else if (BARE.matcher(text.strip()).matches()) {
            numbers = text;
        } else {
            return null;
        }
        List<Integer> order = new ArrayList<>(answers);
        Matcher number = NUMBER.matcher(numbers);
        while (number.find()) {
            int n = Integer.parseInt(number.group());
            if (n < 1 || n > answers || order.contains(n - 1)) {
                return null;
            }
            order.add(n - 1);
        }
        return order.isEmpty() ? null : order;
    }

    /** Largest share of the vote first, ties to the more accurate provider, then panel order. */
    static List<Integer> consensusOrder(List<Ballot> ballots, Vote vote) {
        List<Integer> order = new ArrayList<>(ballots.size());
        for (int i = 0; i < ballots.size(); i++) {
            order.add(i);
        }
        if (vote != null) {
            order.sort(Comparator.comparingDouble((Integer i) -> -vote.share(ballots.get(i).provider()))
                    .thenComparingDouble(i -> -ballots.get(i).accuracy())
                    .thenComparingInt(i -> i));
            // the vote's own winner leads the consensus order (its tie-break may differ from accuracy alone)
            for (int i = 0; i < ballots.size(); i++) {
                if (ballots.get(i).provider().equals(vote.provider())) {
                    order.remove(Integer.valueOf(i));
                    order.add(0, i);
                    break;
                }
            }
        }
        return order;
    }

    private static List<String> providers(List<Ballot> ballots, List<Integer> order) {
        return order.stream().map(i -> ballots.get(i).provider()).toList();
    }

    /** The vote for the top answer: those whose answers the majority grouped with it agree. */
    private static Vote ranked(List<Ballot> ballots, Vote majority, List<Integer> order, String judge, String unusable) {
        Ballot top = ballots.get(order.get(0));
        List<String> agreeing = new ArrayList<>();
        List<String> dissenting = new ArrayList<>();
        Map<String, Double> shares = new HashMap<>();
        for (Ballot ballot : ballots) {
            double share = majority.share(ballot.provider());
            shares.put(ballot.provider(), share);
            boolean same = ballot == top || sameGroup(majority, top, ballot);
            (same ? agreeing : dissenting).add(ballot.provider());
        }
        String reasoning;
        List<String> notes;
        if (unusable == null) {
            reasoning = "Judge " + judge + " ranked " + ballots.size() + " answers and put " + top.provider()
                    + "'s first; " + agreeing.size() + " of " + ballots.size() + " answers agree with it.";
            notes = List.of();
        } else {
            reasoning = majority.reasoning() + " The " + unusable + ", so the consensus order decided.";
            notes = List.of(unusable + "; the consensus order ranked the answers instead");
        }
        return new Vote(top.answer(), top.provider(), (double) agreeing.size() / ballots.size(), agreeing, dissenting,
                unusable != null && majority.tie(), reasoning, notes, shares);
    }

    /** Whether two ballots were in the same group of the majority vote (both agreeing, or one group's same answer). */
    private static boolean sameGroup(Vote majority, Ballot a, Ballot b) {
        if (majority.agreeing().contains(a.provider()) && majority.agreeing().contains(b.provider())) {
            return true;
        }
        return AnswerKey.of(a.answer()).equals(AnswerKey.of(b.answer()));
    }
}
