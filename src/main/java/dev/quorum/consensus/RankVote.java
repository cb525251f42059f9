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
 *
 * <p><b>Pairwise preference</b> ({@code quorum.consensus.rank.method=pairwise}, and the fallback of {@code judge}
 * when its one ranking reply is unusable): the distinct answers (majority's keys; answers with the same key are one
 * candidate) are compared two at a time, each pair asked in both orders ("which answer is better, 1 or 2") so a
 * judge that always prefers one position cancels itself out; a pair's winner is the answer preferred in more of its
 * readable replies (a split or unreadable replies are a tie). The Copeland score (pairs won minus pairs lost) orders
 * the candidates, ties by replies won, then consensus order. At most {@code rank.max-pairwise-calls} calls: with more
 * distinct answers than that allows, only the top of the consensus order is compared and the rest follow in
 * consensus order. {@link #askPair} and {@link #readPair} are the steps around each call of route loop
 * {@code pairwise-loop}.
 */
public final class RankVote implements VotingMethod {

    static final String SYSTEM = "You rank answers that several AI models gave to the same question. You do not "
            + "answer the question yourself.";
    static final String VAR_RANKING = "ranking";
    private static final Pattern LABELLED = Pattern.compile(
            "(?i)rank(?:ing)?[*_`]*\\s*[=:]\\s*[*_`]*\\s*([\\d\\s,;>\\[\\]#.()-]+)");
    private static final Pattern BARE = Pattern.compile("[\\s\\d,;>\\[\\]#.()-]+");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    private static final Pattern BETTER = Pattern.compile(
            "(?i)\\bbetter[*_`]*\\s*[=:]\\s*[*_`\\[(]*\\s*(?:answer\\s*)?([12])\\b");
    private static final Pattern BARE_CHOICE = Pattern.compile(
            "(?i)[\\s*_`\\[(]*(?:answer\\s*)?([12])[\\s*_`\\]).]*");
    static final String VAR_RUN = "rankRun";
    static final String VAR_FULL = "rankFull";
    static final String VAR_PAIRWISE = "rankPairwise";
    static final String VAR_PAIRWISE_CALLS = "rankPairwiseCalls";
    /** The pairwise judge's responses, added to the result's responses and cost ({@link ConsensusResults}). */
    public static final String VAR_RESPONSES = "rankResponses";

    private final MajorityVote majority = new MajorityVote();
    private final boolean pairwise;
    private final int maxPairwiseCalls;

    /** The one-call ranking, with the pairwise fallback of up to 12 calls. */
    public RankVote() {
        this("judge", 12);
    }

    /**
     * @param method           {@code judge} (one call for the whole ranking, pairwise when its reply is unusable) or
     *                         {@code pairwise} (pairwise preference only)
     * @param maxPairwiseCalls the most pairwise calls one ranking makes; 0 turns the fallback off ({@code judge} only)
     */
    public RankVote(String method, int maxPairwiseCalls) {
        if (!"judge".equals(method) && !"pairwise".equals(method)) {
            throw new IllegalArgumentException("quorum.consensus.rank.method must be judge or pairwise, not '" + method
                    + "'");
        }
        if (maxPairwiseCalls < 0 || maxPairwiseCalls == 1 || ("pairwise".equals(method) && maxPairwiseCalls < 2)) {
            throw new IllegalArgumentException("quorum.consensus.rank.max-pairwise-calls must be 0 (no pairwise "
                    + "fallback, method judge only) or at least 2 (one pair in both orders), not " + maxPairwiseCalls);
        }
        this.pairwise = "pairwise".equals(method);
        this.maxPairwiseCalls = maxPairwiseCalls;
    }

    /**
     * One ranking in progress: the panel's outcome, the request, the candidates (ballot indexes with one answer
     * key, in consensus order), the pairwise calls planned ({first, second} candidate indexes) and their readings.
     */
    static final class Run {
        final ConsensusOutcome outcome;
        final CompletionRequest request;
        final String judge;
        final List<Integer> consensus;
        ProviderResponse fullResponse;
        String unusable;
        List<Integer> fullOrder;
        List<List<Integer>> candidates = List.of();
        int compared;
        final List<int[]> calls = new ArrayList<>();
        /** Per call: 1 or 2 for the answer preferred, 0 unreadable, -1 the call failed. */
        final List<Integer> preferences = new ArrayList<>();
        final List<ProviderResponse> responses = new ArrayList<>();
        /** The call being asked: the provider route's own retry loop sets CamelLoopIndex too, so it is kept here. */
        int current;

        Run(ConsensusOutcome outcome, CompletionRequest request, String judge, List<Integer> consensus) {
            this.outcome = outcome;
            this.request = request;
            this.judge = judge;
            this.consensus = consensus;
        }
    }

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

    /**
     * Keeps the panel's outcome; for method {@code judge} puts the ranking question in place of the request, for
     * {@code pairwise} plans the pairwise calls.
     */
    public void ask(Exchange exchange) {
        ConsensusOutcome outcome = exchange.getMessage().getBody(ConsensusOutcome.class);
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        String judge = outcome.plan().judge();
        Run run = new Run(outcome, request, judge, consensusOrder(outcome.ballots(), outcome.vote()));
        exchange.setVariable(VAR_RUN, run);
        exchange.setVariable(ConsensusConstants.VAR_JUDGE_PROVIDER, judge);
        exchange.setVariable(VAR_FULL, !pairwise);
        exchange.setVariable(VAR_PAIRWISE, false);
        if (pairwise) {
            plan(exchange, run);
        } else {
            exchange.setVariable(RequestConstants.VAR_REQUEST, request.withPrompt(SYSTEM, prompt(request.prompt(),
                    outcome.ballots())));
        }
    }

    /** Reads the judge's one ranking reply (the body); an unusable reply (not a failed call) turns to pairwise. */
    public void read(Exchange exchange) {
        Run run = exchange.getVariable(VAR_RUN, Run.class);
        ProviderResponse response = exchange.getMessage().getBody(ProviderResponse.class);
        run.fullResponse = response;
        if (response == null || response.failed()) {
            run.unusable = "judge " + run.judge + " failed (" + (response == null ? "no response"
                    : response.error().message()) + ")";
            return;
        }
        run.fullOrder = parse(response.answer(), run.outcome.ballots().size());
        if (run.fullOrder == null) {
            run.unusable = "judge " + run.judge + "'s reply was not a usable ranking";
            if (maxPairwiseCalls >= 2) {
                plan(exchange, run);
            }
        }
    }

    /** The candidates and the calls: each pair of the top candidates the cap allows, in both orders. */
    private void plan(Exchange exchange, Run run) {
        List<Ballot> ballots = run.outcome.ballots();
        List<List<Integer>> candidates = new ArrayList<>();
        for (int i : run.consensus) {
            List<Integer> same = null;
            for (List<Integer> candidate : candidates) {
                if (sameGroup(run.outcome.vote(), ballots.get(candidate.get(0)), ballots.get(i))) {
                    same = candidate;
                    break;
                }
            }
            if (same == null) {
                candidates.add(same = new ArrayList<>());
            }
            same.add(i);
        }
        run.candidates = List.copyOf(candidates);
        int k = run.candidates.size();
        while (k > 2 && k * (k - 1) > maxPairwiseCalls) {
            k--;
        }
        run.compared = Math.min(k, run.candidates.size());
        for (int a = 0; a < run.compared; a++) {
            for (int b = a + 1; b < run.compared; b++) {
                run.calls.add(new int[] {a, b});
                run.calls.add(new int[] {b, a});
            }
        }
        exchange.setVariable(VAR_PAIRWISE, !run.calls.isEmpty());
        exchange.setVariable(VAR_PAIRWISE_CALLS, run.calls.size());
    }

    /** Puts the question for pairwise call number {@code CamelLoopIndex} in place of the request. */
    public void askPair(Exchange exchange) {
        Run run = exchange.getVariable(VAR_RUN, Run.class);
        run.current = exchange.getProperty(Exchange.LOOP_INDEX, Integer.class);
        int[] call = run.calls.get(run.current);
        List<Ballot> ballots = run.outcome.ballots();
        exchange.setVariable(RequestConstants.VAR_REQUEST, run.request.withPrompt(SYSTEM, pairPrompt(run.request.prompt(),
                ballots.get(run.candidates.get(call[0]).get(0)).answer(),
                ballots.get(run.candidates.get(call[1]).get(0)).answer())));
    }

    /** Reads the judge's preference (the body) for the call asked. */
    public void readPair(Exchange exchange) {
        Run run = exchange.getVariable(VAR_RUN, Run.class);
        ProviderResponse response = exchange.getMessage().getBody(ProviderResponse.class);
        if (response != null) {
            run.responses.add(response);
        }
        Integer preferred = response == null || response.failed() ? Integer.valueOf(-1) : preference(response.answer());
        run.preferences.add(preferred == null ? 0 : preferred);
    }

    /** The ranking (judge's, pairwise or consensus) into the outcome; restores the request. */
    public ConsensusOutcome decide(Exchange exchange) {
        Run run = exchange.getVariable(VAR_RUN, Run.class);
        exchange.removeVariable(VAR_RUN);
        exchange.setVariable(RequestConstants.VAR_REQUEST, run.request);
        exchange.setVariable(VAR_RESPONSES, List.copyOf(run.responses));
        ConsensusOutcome outcome = run.outcome;
        String judge = run.judge;
        List<Ballot> ballots = outcome.ballots();
        List<Integer> order;
        Ranking ranking;
        String decided;
        String unusable = null;
        String note = null;
        if (run.fullOrder != null) {
            Set<Integer> full = new LinkedHashSet<>(run.fullOrder);
            full.addAll(run.consensus);
            order = List.copyOf(full);
            ranking = new Ranking(providers(ballots, order), "judge", judge, null);
            decided = "Judge " + judge + " ranked " + ballots.size() + " answers";
        } else if (!run.calls.isEmpty()) {
            Pairwise result = pairwise(run);
            order = result.order();
            String why = (run.unusable == null ? "" : run.unusable + "; ") + result.note();
            if (result.decided()) {
                ranking = new Ranking(providers(ballots, order), "pairwise", judge, why.isEmpty() ? null : why,
                        result.preferences());
                decided = "Judge " + judge + " compared " + run.compared + " distinct answers pairwise ("
                        + run.calls.size() + " calls, both orders)";
                if (!why.isEmpty()) {
                    note = "Pairwise ranking: " + why + ".";
                }
            } else {
                unusable = why;
                ranking = new Ranking(providers(ballots, order), "consensus", judge, why + ", so the consensus order "
                        + "decided", result.preferences());
                decided = null;
            }
        } else {
            order = run.consensus;
            unusable = run.unusable;
            ranking = new Ranking(providers(ballots, order), "consensus", judge, unusable + ", so the consensus order "
                    + "decided");
            decided = null;
        }
        exchange.setVariable(VAR_RANKING, ranking);
        Vote vote = ranked(ballots, outcome.vote(), order, decided, unusable);
        if (note != null) {
            List<String> notes = new ArrayList<>(vote.notes());
            notes.add(note);
            vote = new Vote(vote.answer(), vote.provider(), vote.ratio(), vote.agreeing(), vote.dissenting(),
                    vote.tie(), vote.reasoning(), notes, vote.shares());
        }
        return outcome.judged(vote, judge, run.fullResponse);
    }

    /** What the pairwise calls decided: the order of the ballots, each pair's outcome, and whether any pair was won. */
    record Pairwise(List<Integer> order, List<Ranking.Preference> preferences, boolean decided, String note) {
    }

    /** Copeland over the compared candidates (pairs won minus lost), ties by replies won, then consensus order. */
    static Pairwise pairwise(Run run) {
        List<Ballot> ballots = run.outcome.ballots();
        int k = run.compared;
        int[] copeland = new int[k];
        int[] replies = new int[k];
        int[][] votes = new int[k][k];
        int unreadable = 0;
        int failed = 0;
        for (int c = 0; c < run.calls.size(); c++) {
            int[] call = run.calls.get(c);
            int preferred = c < run.preferences.size() ? run.preferences.get(c) : 0;
            if (preferred == 1 || preferred == 2) {
                int winner = call[preferred - 1];
                int loser = call[2 - preferred];
                votes[winner][loser]++;
                replies[winner]++;
            } else if (preferred == 0) {
                unreadable++;
            } else {
                failed++;
            }
        }
        List<Ranking.Preference> preferences = new ArrayList<>();
        int ties = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                String first = ballots.get(run.candidates.get(a).get(0)).provider();
                String second = ballots.get(run.candidates.get(b).get(0)).provider();
                String winner = null;
                if (votes[a][b] > votes[b][a]) {
                    copeland[a]++;
                    copeland[b]--;
                    winner = first;
                } else if (votes[b][a] > votes[a][b]) {
                    copeland[b]++;
                    copeland[a]--;
                    winner = second;
                } else {
                    ties++;
                }
                preferences.add(new Ranking.Preference(first, second, winner, votes[a][b], votes[b][a]));
            }
        }
        List<Integer> candidates = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            candidates.add(c);
        }
        candidates.sort(Comparator.comparingInt((Integer c) -> -copeland[c]).thenComparingInt(c -> -replies[c])
                .thenComparingInt(c -> c));
        for (int c = k; c < run.candidates.size(); c++) {
            candidates.add(c);
        }
        List<Integer> order = new ArrayList<>(ballots.size());
        for (int c : candidates) {
            order.addAll(run.candidates.get(c));
        }
        int pairs = preferences.size();
        List<String> notes = new ArrayList<>();
        if (unreadable > 0) {
            notes.add(unreadable + " of " + run.calls.size() + " pairwise replies unreadable");
        }
        if (failed > 0) {
            notes.add(failed + " of " + run.calls.size() + " pairwise calls failed");
        }
        if (ties > 0) {
            notes.add(ties + " of " + pairs + " pair" + (pairs == 1 ? "" : "s") + " tied (the replies split by "
                    + "position or were unreadable)");
        }
        if (k < run.candidates.size()) {
            notes.add("only the top " + k + " of " + run.candidates.size() + " distinct answers were compared "
                    + "(quorum.consensus.rank.max-pairwise-calls), the rest follow in consensus order");
        }
        return new Pairwise(order, preferences, ties < pairs, String.join("; ", notes));
    }

    /** The judge's question for one pair: the original question, the two answers and the form of the reply. */
    static String pairPrompt(String question, String first, String second) {
        return "Question:\n" + question + "\n\nAnswer 1:\n" + first.strip() + "\n\nAnswer 2:\n" + second.strip()
                + "\n\nWhich answer is better, by how correct and complete it is: 1 or 2? Reply on one line in exactly "
                + "this form:\nbetter=<1|2>";
    }

    /** 1 or 2 for the answer the reply prefers, {@code null} when the reply names neither (or both). */
    static Integer preference(String reply) {
        if (reply == null || reply.isBlank()) {
            return null;
        }
        String text = reply.length() > 2000 ? reply.substring(0, 2000) : reply;
        Matcher labelled = BETTER.matcher(text);
        if (labelled.find()) {
            int first = Integer.parseInt(labelled.group(1));
            while (labelled.find()) {
                if (Integer.parseInt(labelled.group(1)) != first) {
                    return null;
                }
            }
            return first;
        }
        Matcher bare = BARE_CHOICE.matcher(text);
        return bare.matches() ? Integer.valueOf(bare.group(1)) : null;
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
    private static Vote ranked(List<Ballot> ballots, Vote majority, List<Integer> order, String decided, String unusable) {
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
            reasoning = decided + " and put " + top.provider()
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
