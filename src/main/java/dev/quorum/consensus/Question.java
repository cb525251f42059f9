package dev.quorum.consensus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the vote reads from the question the panel answered: its content words (so that "The capital of France is
 * Paris." is seen to answer "What is the capital of France?" with "Paris"), the options of a multiple-choice question
 * ("A) Atlantic B) Pacific", so "Pacific" and "B" are one answer), and whether it asks for an order ("sort", "rank",
 * "largest first"), in which lists are compared in order. Read once per vote; {@link #NONE} when there is no question.
 */
final class Question {

    static final Question NONE = new Question(Set.of(), Map.of(), false, List.of());

    private static final Set<String> ORDER_WORDS = Set.of("sort", "sorted", "order", "ordered", "rank", "ranked",
            "ranking", "first", "ascending", "descending", "sequence", "steps", "chronological", "chronologically",
            "top");

    private final Set<String> stems;
    private final Map<String, Character> options;
    private final boolean ordered;
    private final List<Quantities.Quantity> quantities;

    private Question(Set<String> stems, Map<String, Character> options, boolean ordered,
                     List<Quantities.Quantity> quantities) {
        this.stems = stems;
        this.options = options;
        this.ordered = ordered;
        this.quantities = quantities;
    }

    static Question of(String question) {
        if (question == null || question.isBlank()) {
            return NONE;
        }
        String text = question.length() > 4000 ? question.substring(question.length() - 4000) : question;
        String lower = AnswerText.lower(text);
        List<String> words = AnswerText.words(lower);
        Set<String> stems = new HashSet<>();
        boolean ordered = false;
        for (String word : words) {
            stems.add(AnswerText.stem(word));
            ordered |= ORDER_WORDS.contains(word);
        }
        return new Question(stems, options(lower), ordered, Quantities.parse(lower));
    }

    /** Content words (stemmed) of the question. */
    boolean mentions(String stem) {
        return stems.contains(stem);
    }

    boolean ordered() {
        return ordered;
    }

    /** The quantities the question itself states. */
    List<Quantities.Quantity> quantities() {
        return quantities;
    }

    /** The option letter whose text the answer (normalised) is, or 0. */
    char option(String normalised) {
        if (options.isEmpty()) {
            return 0;
        }
        Character letter = options.get(normalised);
        return letter == null ? 0 : letter;
    }

    /**
     * Options written "A) text", "(A) text", "A. text" or "a) text", in letter order from A: the text of each runs to
     * the next option's letter. Fewer than two options in sequence: none.
     */
    static Map<String, Character> options(String lower) {
        Map<String, Character> options = new HashMap<>();
        int n = lower.length();
        char expected = 'a';
        int textStart = -1;
        for (int i = 0; i < n; i++) {
            char c = lower.charAt(i);
            if (c != expected || (i > 0 && lower.charAt(i - 1) != ' ' && lower.charAt(i - 1) != '(' && lower.charAt(i - 1) != '\n')) {
                continue;
            }
            boolean paren = i > 0 && lower.charAt(i - 1) == '(';
            if (i + 1 >= n) {
                break;
            }
            char after = lower.charAt(i + 1);
            boolean marker = paren ? after == ')' : (after == ')' || after == '.' || after == ':');
            if (!marker || i + 2 >= n || lower.charAt(i + 2) != ' ') {
                continue;
            }
            if (textStart >= 0) {
                add(options, lower.substring(textStart, paren ? i - 1 : i), (char) (expected - 1));
            }
            textStart = i + 3;
            expected++;
        }
        if (textStart >= 0 && expected > 'a') {
            add(options, lower.substring(textStart), (char) (expected - 1));
        }
        return expected - 'a' >= 2 ? options : Map.of();
    }

    private static void add(Map<String, Character> options, String text, char letter) {
        String key = AnswerKey.normalise(text);
        if (!key.isEmpty()) {
            options.put(key, letter);
        }
    }
}
