package dev.quorum.consensus;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two long explanations that are one text with a phrase of it said in other words ("A compressor then raises the
 * refrigerant's pressure and temperature." / "A compressor then squeezes the refrigerant, increasing both its pressure
 * and its temperature.", the rest word for word): the same answer, where the contradiction guard would read the words
 * put in place of others as a changed claim.
 *
 * <p>The text is cut into hunks, the words of one answer in place of the other's between the words they share in
 * order. A hunk changes the claim when it has more or fewer negations, changes a number or an ordinal, sets a word against
 * its opposite, or moves words the other answer has elsewhere ("… numbers of neutrons. Because the proton …" / "…
 * numbers of protons. Because the neutron …"). Two answers are a rewording when no hunk does that and at least one
 * puts a phrase ({@value #PHRASE_WORDS} content words or more, both sides together) in place of another. An edit of one
 * or two words alone ("cools" / "heats up", "small intestine" / "stomach") is not enough: that is how an explanation
 * is edited to say something else, and the contradiction guard reads it.
 */
final class Rewording {

    /** Significant words each answer has at least: an explanation, not a sentence ("Paris is the capital …"). */
    static final int MIN_WORDS = 20;
    /** Significant words an answer has at most here (the table of common runs is quadratic). */
    static final int MAX_WORDS = 300;
    /** Share of the longer answer's significant words the two have in common, in order: one text. */
    static final double SHARED = 0.6;
    /** Content words a hunk has on its two sides together, at least, to be a phrase said in other words. */
    static final int PHRASE_WORDS = 4;
    /**
     * Significant words a hunk has on either side, at most, to be a phrase: a longer one rewrites the text (and its
     * words are not set against each other, a cost that grows with the product of the two sides).
     */
    static final int MAX_HUNK_WORDS = 24;

    private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
            Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6),
            Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10),
            Map.entry("last", -1), Map.entry("final", -1));

    private Rewording() {
    }

    /** Whether two long answers are one explanation with a phrase reworded, and nothing in them changed. */
    static boolean reworded(Equivalence.Reading a, Equivalence.Reading b) {
        List<String> x = a.significantStems;
        List<String> y = b.significantStems;
        int n = x.size();
        int m = y.size();
        if (a.code || b.code || a.nonAnswer || b.nonAnswer || n < MIN_WORDS || m < MIN_WORDS || n > MAX_WORDS
                || m > MAX_WORDS) {
            return false;
        }
        int[][] lcs = Equivalence.commonRuns(x, y);
        if (lcs[0][0] < SHARED * Math.max(n, m) || lcs[0][0] == Math.min(n, m)) {
            return false;
        }
        Set<String> ofA = new HashSet<>(x);
        Set<String> ofB = new HashSet<>(y);
        boolean phrase = false;
        int i = 0;
        int j = 0;
        int fromI = 0;
        int fromJ = 0;
        while (true) {
            boolean end = i == n && j == m;
            boolean match = i < n && j < m && x.get(i).equals(y.get(j));
            if ((match || end) && (fromI < i || fromJ < j)) {
                Hunk hunk = new Hunk(a.significant.subList(fromI, i), x.subList(fromI, i),
                        b.significant.subList(fromJ, j), y.subList(fromJ, j));
                if (hunk.changesClaim(ofA, ofB)) {
                    return false;
                }
                phrase |= hunk.phrase();
            }
            if (end) {
                return phrase;
            }
            if (match) {
                fromI = ++i;
                fromJ = ++j;
            } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
                i++;
            } else {
                j++;
            }
        }
    }

    /** The significant words (and their stems) of one answer put in place of the other's. */
    private record Hunk(List<String> removed, List<String> removedStems, List<String> added, List<String> addedStems) {

        /** Whether the hunk changes what the text claims, not only how it says it (or is too long to be read so). */
        boolean changesClaim(Set<String> ofA, Set<String> ofB) {
            if (removed.size() > MAX_HUNK_WORDS || added.size() > MAX_HUNK_WORDS) {
                return true;
            }
            if (negations(removed) != negations(added) || !ordinals(removed).equals(ordinals(added))) {
                return true;
            }
            List<Quantities.Quantity> gone = Quantities.parse(String.join(" ", removed));
            List<Quantities.Quantity> come = Quantities.parse(String.join(" ", added));
            if (!Quantities.covers(gone, come, true) || !Quantities.covers(come, gone, true)) {
                return true;
            }
            for (int k = 0; k < removed.size(); k++) {
                for (int l = 0; l < added.size(); l++) {
                    if (AnswerText.opposite(removedStems.get(k), addedStems.get(l))
                            || Lexical.antonyms(removed.get(k), added.get(l))) {
                        return true;
                    }
                }
            }
            // the same words, moved: each side's content words are all in the other answer
            Set<String> goneWords = content(removed, removedStems);
            Set<String> comeWords = content(added, addedStems);
            return !goneWords.isEmpty() && !comeWords.isEmpty() && ofB.containsAll(goneWords)
                    && ofA.containsAll(comeWords);
        }

        boolean phrase() {
            return !removed.isEmpty() && !added.isEmpty() && content(removed, removedStems).size() + content(added, addedStems).size() >= PHRASE_WORDS;
        }

        private static Set<String> content(List<String> words, List<String> stems) {
            Set<String> content = new HashSet<>();
            for (int k = 0; k < words.size(); k++) {
                String word = words.get(k);
                if (!AnswerText.stopword(word) && !AnswerText.negation(word) && !Lexical.particle(word)) {
                    content.add(stems.get(k));
                }
            }
            return content;
        }

        private static int negations(List<String> words) {
            int count = 0;
            for (String word : words) {
                if (AnswerText.negation(word)) {
                    count++;
                }
            }
            return count;
        }

        private static Set<Integer> ordinals(List<String> words) {
            Set<Integer> ordinals = new HashSet<>();
            for (String word : words) {
                Integer ordinal = ORDINALS.get(word);
                if (ordinal != null) {
                    ordinals.add(ordinal);
                }
            }
            return ordinals;
        }
    }
}
