package dev.quorum.consensus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Universal self-consistency: a judge model reads every answer and names the one most consistent with the majority,
 * and which answers say the same thing. {@link #decide(List)} is the majority vote the panel falls back to (and what
 * is used when all answers already agree); {@link #prompt} writes the judge's question and {@link #judged} reads its
 * reply. The judge is called by the route, not here.
 */
public final class JudgeVote implements VotingMethod {

    static final String SYSTEM = "You compare answers that several AI models gave to the same question. You do not "
            + "answer the question yourself.";
    private static final Pattern BEST = Pattern.compile("(?i)best\\s*[=:]\\s*\\[?(\\d+)");
    private static final Pattern AGREEING = Pattern.compile("(?i)agree\\w*\\s*[=:]\\s*([\\d,\\s\\[\\]]*)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final MajorityVote majority = new MajorityVote();

    @Override
    public String name() {
        return "judge";
    }

    @Override
    public Vote decide(List<Ballot> ballots) {
        return majority.decide(ballots);
    }

    @Override
    public Vote decide(List<Ballot> ballots, String question) {
        return majority.decide(ballots, question);
    }

    /** The question the judge is asked: the original question and the numbered answers. */
    public String prompt(String question, List<Ballot> ballots) {
        StringBuilder prompt = questionAndAnswers(question, ballots);
        prompt.append("\nWhich answer is most consistent with the majority of the answers? Reply on one line in exactly "
                + "this form, with answer numbers only:\nbest=<number>; agreeing=<numbers of the answers that say the "
                + "same thing as it, comma separated>");
        return prompt.toString();
    }

    /**
     * The start every judge-like question shares (this vote's judge, the ranking judge): the original question and
     * the panel's answers numbered from 1, for the caller to append what it asks.
     */
    static StringBuilder questionAndAnswers(String question, List<Ballot> ballots) {
        StringBuilder prompt = new StringBuilder(256 + question.length());
        prompt.append("Question:\n").append(question).append("\n\nAnswers:\n");
        for (int i = 0; i < ballots.size(); i++) {
            prompt.append('[').append(i + 1).append("] ").append(ballots.get(i).answer().strip()).append('\n');
        }
        return prompt;
    }

    /**
     * The vote the judge's reply names, or {@code null} when the reply names no answer. Agreeing are the answers the
     * judge lists (the chosen one always), else those with the chosen answer's key.
     */
    public Vote judged(List<Ballot> ballots, String reply, String judge) {
        if (reply == null) {
            return null;
        }
        Matcher best = BEST.matcher(reply);
        Integer chosen = null;
        if (best.find()) {
            chosen = Integer.parseInt(best.group(1));
        } else {
            Matcher first = NUMBER.matcher(reply);
            if (first.find()) {
                chosen = Integer.parseInt(first.group());
            }
        }
        if (chosen == null || chosen < 1 || chosen > ballots.size()) {
            return null;
        }
        Ballot pick = ballots.get(chosen - 1);
        Set<Integer> agree = new LinkedHashSet<>();
        agree.add(chosen - 1);
        Matcher listed = AGREEING.matcher(reply);
        if (listed.find()) {
            Matcher numbers = NUMBER.matcher(listed.group(1));
            while (numbers.find()) {
                int n = Integer.parseInt(numbers.group());
                if (n >= 1 && n <= ballots.size()) {
                    agree.add(n - 1);
                }
            }
        } else {
            String key = AnswerKey.of(pick.answer());
            for (int i = 0; i < ballots.size(); i++) {
                if (AnswerKey.of(ballots.get(i).answer()).equals(key)) {
                    agree.add(i);
                }
            }
        }
        List<String> agreeing = new ArrayList<>();
        List<String> dissenting = new ArrayList<>();
        for (int i = 0; i < ballots.size(); i++) {
            (agree.contains(i) ? agreeing : dissenting).add(ballots.get(i).provider());
        }
        double ratio = (double) agreeing.size() / ballots.size();
        String reasoning = "Judge " + judge + " named " + pick.provider() + "'s answer as the most consistent with the "
                + "majority; " + agreeing.size() + " of " + ballots.size() + " answers agree with it ("
                + String.join(", ", agreeing) + ").";
        return new Vote(pick.answer(), pick.provider(), ratio, agreeing, dissenting, false, reasoning, List.of());
    }
}
