package dev.quorum.consensus;

import dev.quorum.api.CompletionRequest;
import dev.quorum.api.ProviderResponse;
import dev.quorum.camel.ConsensusConstants;
import dev.quorum.camel.RequestConstants;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/**
 * The optional entailment check of {@code algorithm: semantic} (off unless
 * {@code quorum.consensus.semantic.entailment.judge} names a provider): pairs of answers whose sameness only the
 * embedding decided, with a similarity inside the uncertain band ({@code entailment.band-low} to
 * {@code entailment.band-high}), then long explanations the words split only tentatively
 * ({@link SemanticVote#uncertainPairs}), are put to the judge, one call per pair asking whether each answer entails
 * the other (bidirectional entailment, Kuhn et al. 2023, "Semantic Uncertainty"); a pair is the same when both
 * directions hold, different when either does not, and left as the words or the embedding decided it when the reply
 * is unusable or the call fails. At most {@code entailment.max-pairs} pairs, in that order. The route
 * ({@code entail-uncertain-pairs}, a {@code loop}) makes the calls through the judge's provider route, so each is
 * priced and in the ledger; the result lists them in {@code responses} and the cost, and its reasoning says what the
 * judge settled.
 */
public final class EntailmentCheck {

    static final String SYSTEM = "You decide whether statements entail each other. You do not answer the question "
            + "yourself.";
    static final String VAR_RUN = "entailmentRun";
    static final String VAR_NEEDED = "entailmentNeeded";
    static final String VAR_COUNT = "entailmentCalls";
    /** The judge's responses, added to the result's responses and cost ({@link ConsensusResults}). */
    public static final String VAR_RESPONSES = "entailmentResponses";
    private static final Pattern AB = Pattern.compile("(?i)\\b1\\s*(?:entails|=>|->)\\s*2\\s*[=:]\\s*(yes|no)\\b");
    private static final Pattern BA = Pattern.compile("(?i)\\b2\\s*(?:entails|=>|->)\\s*1\\s*[=:]\\s*(yes|no)\\b");

    private final ProviderCatalog catalog;
    private final SemanticVote semantic;
    private final String judge;
    private final double low;
    private final double high;
    private final int maxPairs;

    public EntailmentCheck(ProviderCatalog catalog, SemanticVote semantic, String judge, double low, double high,
                           int maxPairs) {
        if (low > high || low < 0 || high > 1) {
            throw new IllegalArgumentException("quorum.consensus.semantic.entailment.band-low must be from 0 to "
                    + "band-high, and band-high at most 1");
        }
        if (maxPairs < 1) {
            throw new IllegalArgumentException("quorum.consensus.semantic.entailment.max-pairs must be at least 1, not "
                    + maxPairs);
        }
        this.catalog = catalog;
        this.semantic = semantic;
        this.judge = judge;
        this.low = low;
        this.high = high;
        this.maxPairs = maxPairs;
    }

    /** One request's check: the panel's outcome, the pairs asked, the request, and the judge's replies so far. */
    static final class Run {
        final ConsensusOutcome outcome;
        final CompletionRequest request;
        final List<int[]> pairs;
        final List<ProviderResponse> responses = new ArrayList<>();
        final Map<Integer, Boolean> judged = new HashMap<>();
        final List<String> settled = new ArrayList<>();
        /** The pair being asked: the provider route's own retry loop sets CamelLoopIndex too, so it is kept here. */
        int current;

        Run(ConsensusOutcome outcome, CompletionRequest request, List<int[]> pairs) {
            this.outcome = outcome;
            this.request = request;
            this.pairs = pairs;
        }
    }

    /** Whether there is anything to ask: a configured, enabled judge, a semantic vote and uncertain pairs. */
    public void plan(Exchange exchange) {
        exchange.setVariable(VAR_NEEDED, false);
        if (judge == null) {
            return;
        }
        ConsensusOutcome outcome = exchange.getMessage().getBody(ConsensusOutcome.class);
        if (outcome == null || !"semantic".equals(outcome.plan().algorithm()) || outcome.vote() == null
                || outcome.ballots().size() < 2) {
            return;
        }
        ProviderSpec spec = catalog.get(judge);
        if (spec == null || !spec.enabled()) {
            return;
        }
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        List<int[]> pairs = semantic.uncertainPairs(outcome.ballots(), request.prompt(), low, high);
        if (pairs.isEmpty()) {
            return;
        }
        if (pairs.size() > maxPairs) {
            pairs = List.copyOf(pairs.subList(0, maxPairs));
        }
        exchange.setVariable(VAR_RUN, new Run(outcome, request, pairs));
        exchange.setVariable(VAR_COUNT, pairs.size());
        exchange.setVariable(ConsensusConstants.VAR_JUDGE_PROVIDER, judge);
        exchange.setVariable(VAR_NEEDED, true);
    }

    /** Puts the question for pair number {@code CamelLoopIndex} in place of the request. */
    public void ask(Exchange exchange) {
        Run run = exchange.getVariable(VAR_RUN, Run.class);
        int index = exchange.getProperty(Exchange.LOOP_INDEX, Integer.class);
        run.current = index;
        int[] pair = run.pairs.get(index);
        exchange.setVariable(RequestConstants.VAR_REQUEST, run.request.withPrompt(SYSTEM, prompt(run.request.prompt(),
                run.outcome.ballots().get(pair[0]).answer(), run.outcome.ballots().get(pair[1]).answer())));
    }

    /** Reads the judge's reply (the body) for the pair asked. */
    public void read(Exchange exchange) {
        Run run = exchange.getVariable(VAR_RUN, Run.class);
        int[] pair = run.pairs.get(run.current);
        ProviderResponse response = exchange.getMessage().getBody(ProviderResponse.class);
        if (response != null) {
            run.responses.add(response);
        }
        Boolean same = response == null || response.failed() ? null : entails(response.answer());
        String a = run.outcome.ballots().get(pair[0]).provider();
        String b = run.outcome.ballots().get(pair[1]).provider();
        if (same == null) {
            run.settled.add(a + "/" + b + " left to the embedding (" + (response == null || response.failed()
                    ? "the judge failed" : "unusable reply") + ")");
        } else {
            run.judged.put(pair[0] * run.outcome.ballots().size() + pair[1], same);
            run.settled.add(a + "/" + b + (same ? " the same" : " different"));
        }
    }

    /** Votes again with the judged pairs, restores the request; the body becomes the new outcome. */
    public ConsensusOutcome decide(Exchange exchange) {
        Run run = exchange.getVariable(VAR_RUN, Run.class);
        exchange.removeVariable(VAR_RUN);
        exchange.setVariable(RequestConstants.VAR_REQUEST, run.request);
        exchange.setVariable(VAR_RESPONSES, List.copyOf(run.responses));
        ConsensusOutcome outcome = run.outcome;
        Vote vote = run.judged.isEmpty() ? outcome.vote()
                : semantic.decide(outcome.ballots(), run.request.prompt(), run.judged);
        vote = vote.withReasoning(vote.reasoning() + " Entailment judge " + judge + " was asked about "
                + run.pairs.size() + " uncertain pair" + (run.pairs.size() == 1 ? "" : "s") + ": "
                + String.join("; ", run.settled) + ".");
        return new ConsensusOutcome(outcome.plan(), outcome.responses(), outcome.ballots(), vote, outcome.judge(),
                outcome.judgeResponse());
    }

    static String prompt(String question, String first, String second) {
        return "Question:\n" + question + "\n\nAnswer 1:\n" + first.strip() + "\n\nAnswer 2:\n" + second.strip()
                + "\n\nAs answers to the question, does answer 1 entail answer 2, and does answer 2 entail answer 1? "
                + "Reply on one line in exactly this form:\n1 entails 2=<yes|no>; 2 entails 1=<yes|no>";
    }

    /** Both directions yes: same; either no: different; anything else: {@code null} (unusable). */
    static Boolean entails(String reply) {
        if (reply == null) {
            return null;
        }
        String text = reply.length() > 2000 ? reply.substring(0, 2000) : reply;
        Matcher ab = AB.matcher(text);
        Matcher ba = BA.matcher(text);
        if (!ab.find() || !ba.find()) {
            return null;
        }
        return "yes".equals(ab.group(1).toLowerCase(Locale.ROOT)) && "yes".equals(ba.group(1).toLowerCase(Locale.ROOT));
    }
}
