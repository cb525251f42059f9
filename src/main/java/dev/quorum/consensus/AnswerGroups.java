package dev.quorum.consensus;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys the counting methods (majority, weighted, threshold, the judge's fallback) group ballots by: each answer's
 * {@link AnswerKey} (with a multiple-choice question's options), and then a short answer joined to a sentence that
 * states exactly it ("Paris." and "The capital of France is Paris." for "What is the capital of France?"). The join
 * is strict: the sentence may add nothing beyond the question's own words (without a question it must read
 * "… is Paris" or "Paris is …"), and is not negated. Answers are only read further when their keys differ.
 */
final class AnswerGroups {

    private AnswerGroups() {
    }

    static String[] keys(List<Ballot> ballots, String question) {
        int n = ballots.size();
        // the question, read only when a key needs it (a long prompt costs tens of microseconds to read): its
        // options, and the words and numbers that are not a short numeric answer's own
        Question asked = Question.NONE;
        if (question != null && (question.indexOf(')') >= 0 || question.contains(" A.") || numeric(ballots))) {
            asked = Question.of(question);
        }
        String[] keys = new String[n];
        boolean differ = false;
        for (int i = 0; i < n; i++) {
            keys[i] = AnswerKey.of(ballots.get(i).answer(), asked);
            differ |= i > 0 && !keys[i].equals(keys[0]);
        }
        if (!differ || !shortAndLong(keys)) {
            return keys;
        }
        if (asked == Question.NONE && question != null) {
            asked = Question.of(question);
        }
        // a short answer and sentences that state it: the sentences take the short answer's key
        List<Equivalence.Reading> readings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            readings.add(Equivalence.Reading.forJoin(ballots.get(i).answer(), keys[i], asked));
        }
        String[] joined = keys.clone();
        for (int s = 0; s < n; s++) {
            if (!Equivalence.isShortAnswer(readings.get(s))) {
                continue;
            }
            for (int l = 0; l < n; l++) {
                if (l != s && !keys[l].equals(keys[s]) && joined[l].equals(keys[l])
                        && Equivalence.states(readings.get(l), readings.get(s), asked)) {
                    joined[l] = keys[s];
                }
            }
        }
        return joined;
    }

    /** Whether an answer short enough to be keyed as a number holds a digit next to other words. */
    private static boolean numeric(List<Ballot> ballots) {
        for (Ballot ballot : ballots) {
            String answer = ballot.answer();
            if (answer == null || answer.length() > 160 || answer.indexOf(' ') < 0) {
                continue;
            }
            for (int i = 0; i < answer.length(); i++) {
                if (Character.isDigit(answer.charAt(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether one key is a short answer (typed, or up to four words) and another a longer text. */
    private static boolean shortAndLong(String[] keys) {
        boolean shortOne = false;
        boolean longOne = false;
        for (String key : keys) {
            int words = 1;
            for (int i = 0; i < key.length(); i++) {
                if (key.charAt(i) == ' ') {
                    words++;
                }
            }
            if (AnswerKey.isShortAnswer(key) || words <= Equivalence.SHORT_WORDS) {
                shortOne = true;
            }
            if (!key.startsWith("json:") && words > 1 && !key.equals("yes") && !key.equals("no")) {
                longOne |= words > 1 && !AnswerKey.isShortAnswer(key);
            }
        }
        return shortOne && longOne;
    }
}
