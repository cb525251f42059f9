package dev.quorum.consensus;

import java.util.ArrayList;
import java.util.HashMap;
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
 * order, stop words included. A hunk changes the claim when it has more or fewer negations, other numbers, another
 * word of a scale (quantity or frequency, necessity or possibility, condition, an ordinal: "most" / "a handful", "must"
 * / "may", "if" / "unless", "second" / "third"), sets a word against its opposite, or moves words the other answer has
 * elsewhere ("… numbers of neutrons. Because the proton …" / "… numbers of protons. Because the neutron …"). A hunk of
 * one or two content words in place of others must be their synonyms ("cools" / "heats up", "small intestine" /
 * "stomach" are edits); in a phrase ({@value #PHRASE_WORDS} content words or more, both sides together) half the words
 * of the side with fewer must have a word WordNet relates to them, or of their family, on the other ("gives off its
 * heat" / "releases the warmth it carries"), a sign that it says the same in other words; a hunk of more than
 * {@value #MAX_HUNK_WORDS} significant words a side is a rewrite, and words only one answer has are a detail up to
 * {@value #ADDED_WORDS} content words, a claim of their own from there. Two answers are a rewording when every hunk passes,
 * with the alignment's ties broken both ways (the decision does not hang on which answer comes first), and one is a
 * phrase. English text only: the word lists are English.
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
    /** Content words, at least, of what one answer only adds or leaves out that make it a claim, not a detail. */
    static final int ADDED_WORDS = 4;
    /** Share of a phrase's content words (of the side with fewer) that must have a related word on the other side. */
    static final double RELATED_SHARE = 0.5;
    /** Share of an answer's words that are English stop words, at least: the word rules read English. */
    static final double ENGLISH = 0.2;

    private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
            Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6),
            Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10),
            Map.entry("last", -1), Map.entry("final", -1));

    /** Words that say how many times, read as numbers where words put in place of others are weighed. */
    private static final Set<String> MULTIPLIERS = Set.of("twice", "thrice", "double", "doubled", "doubles", "triple",
            "tripled", "triples", "half", "halved", "halves", "quarter", "quadruple", "tenfold", "hundredfold");

    /** Words of how much, how often, whether it must or may, and on what condition, by the class they say. */
    private static final Map<String, String> CLAIMS = claims(
            "all every each always entirely completely fully whole universally invariably", "all",
            "most many much majority usually typically generally normally commonly mostly mainly largely often "
                    + "frequently plenty numerous", "most",
            "some several sometimes occasionally partly partially couple", "some",
            "few handful little rarely seldom minority", "few",
            "only solely exclusively", "only",
            "must need needs required requires necessary mandatory", "must",
            "may might can could possibly optional", "may",
            "should ought recommended advisable", "should",
            "if whenever provided", "if",
            "unless except", "unless");
    /** The scale each class of {@link #CLAIMS} is on: one class in place of another of its scale changes the claim. */
    private static final Map<String, String> SCALES = Map.of("all", "quantity", "most", "quantity", "some", "quantity",
            "few", "quantity", "only", "only", "must", "modal", "should", "modal", "may", "modal", "if", "condition",
            "unless", "condition");

    private Rewording() {
    }

    private static Map<String, String> claims(String... wordsThenClass) {
        Map<String, String> claims = new HashMap<>();
        for (int k = 0; k < wordsThenClass.length; k += 2) {
            for (String word : wordsThenClass[k].split(" ")) {
                claims.put(word, wordsThenClass[k + 1]);
            }
        }
        return Map.copyOf(claims);
    }

    /** Whether two long answers are one explanation with a phrase reworded, and nothing in them changed. */
    static boolean reworded(Equivalence.Reading a, Equivalence.Reading b) {
        return edited(a, b, false);
    }

    /**
     * Whether two long answers are one explanation in which words were put in place of others, not synonyms, in one or
     * two places, and nothing else changed that the word lists and WordNet know (a negation, a number, a word of a
     * scale, an ordinal, an opposite, two kinds of one thing, words moved, a clause added or left out): such an edit is
     * as often a phrase said in other words as a changed claim ({@link Equivalence.Verdict#tentative()}).
     */
    static boolean onlyWordsReplaced(Equivalence.Reading a, Equivalence.Reading b) {
        return edited(a, b, true);
    }

    /**
     * One explanation edited: with {@code replacing}, whether every hunk is a rewording or words in place of others
     * and one is the latter; else whether every hunk is a rewording and one is a phrase.
     */
    private static boolean edited(Equivalence.Reading a, Equivalence.Reading b, boolean replacing) {
        List<String> x = a.significantStems;
        List<String> y = b.significantStems;
        int n = x.size();
        int m = y.size();
        if (!readable(a) || !readable(b)) {
            return false;
        }
        int[][] lcs = Equivalence.commonRuns(x, y);
        if (lcs[0][0] < SHARED * Math.max(n, m) || lcs[0][0] == Math.min(n, m)) {
            return false;
        }
        // where runs of common words tie, the hunks fall one way or the other: both must pass
        return aligned(a, b, lcs, true, replacing) && aligned(a, b, lcs, false, replacing);
    }

    private static boolean readable(Equivalence.Reading r) {
        int n = r.significantStems.size();
        if (r.code || r.nonAnswer || n < MIN_WORDS || n > MAX_WORDS) {
            return false;
        }
        int stopwords = 0;
        for (String word : r.words) {
            stopwords += AnswerText.stopword(word) ? 1 : 0;
        }
        return stopwords >= ENGLISH * r.words.size();
    }

    /**
     * Whether every hunk of the alignment is a rewording (or, {@code replacing}, words in place of others) and one is
     * a phrase (words in place of others); {@code first}: ties leave the first's words.
     */
    private static boolean aligned(Equivalence.Reading a, Equivalence.Reading b, int[][] lcs, boolean first,
                                   boolean replacing) {
        List<String> x = a.significantStems;
        List<String> y = b.significantStems;
        int n = x.size();
        int m = y.size();
        Set<String> ofA = new HashSet<>(x);
        Set<String> ofB = new HashSet<>(y);
        boolean phrase = false;
        int replaced = 0;
        int i = 0;
        int j = 0;
        int fromI = 0;
        int fromJ = 0;
        while (true) {
            boolean end = i == n && j == m;
            boolean match = i < n && j < m && x.get(i).equals(y.get(j));
            if (match || end) {
                // the words between two shared ones, the stop words between them included ("must" / "may")
                Hunk hunk = new Hunk(Side.of(a, fromI, i), Side.of(b, fromJ, j));
                Change change = hunk.removed().words().equals(hunk.added().words()) ? Change.NONE
                        : hunk.change(ofA, ofB, replacing);
                if (change == Change.OTHER || change == Change.REPLACED && !replacing) {
                    return false;
                }
                phrase |= hunk.phrase();
                if (change == Change.REPLACED && ++replaced > Equivalence.MAX_HUNKS) {
                    // words replaced all through: a rewrite, not one clause said otherwise
                    return false;
                }
            }
            if (end) {
                return replacing ? replaced > 0 : phrase;
            }
            if (match) {
                fromI = ++i;
                fromJ = ++j;
            } else if (j >= m || (i < n && (first ? lcs[i + 1][j] >= lcs[i][j + 1] : lcs[i + 1][j] > lcs[i][j + 1]))) {
                i++;
            } else {
                j++;
            }
        }
    }

    /** One side of a hunk: its significant words and stems, and all its words between the words both share. */
    private record Side(List<String> significant, List<String> stems, List<String> words) {

        static Side of(Equivalence.Reading r, int from, int to) {
            int start = from == 0 ? 0 : r.significantAt[from - 1] + 1;
            int end = to == r.significant.size() ? r.words.size() : r.significantAt[to];
            return new Side(r.significant.subList(from, to), r.significantStems.subList(from, to),
                    r.words.subList(start, Math.max(start, end)));
        }

        /** The content words' stems, or the words as written. */
        Set<String> content(boolean stemmed) {
            Set<String> content = new HashSet<>();
            for (int k = 0; k < significant.size(); k++) {
                String word = significant.get(k);
                if (!AnswerText.stopword(word) && !AnswerText.negation(word) && !Lexical.particle(word)) {
                    content.add(stemmed ? stems.get(k) : word);
                }
            }
            return content;
        }

        int negations() {
            int count = 0;
            for (String word : words) {
                count += AnswerText.negation(word) ? 1 : 0;
            }
            return count;
        }

        Map<String, Integer> claims() {
            Map<String, Integer> claims = new HashMap<>();
            for (String word : words) {
                String kind = CLAIMS.get(word);
                if (kind != null) {
                    claims.merge(kind, 1, Integer::sum);
                }
                Integer ordinal = ORDINALS.get(word);
                if (ordinal != null) {
                    claims.merge("#" + ordinal, 1, Integer::sum);
                }
            }
            return claims;
        }

        /** The hunk's quantities; a word with digits after its letters ("O₃", "B12") is a name, read as a word. */
        List<Quantities.Quantity> quantities() {
            StringBuilder text = new StringBuilder();
            for (String word : words) {
                if (word.isEmpty() || !Character.isLetter(word.charAt(0)) || word.chars().noneMatch(Character::isDigit)) {
                    text.append(text.length() > 0 ? " " : "").append(word);
                }
            }
            return Quantities.parse(text.toString());
        }
    }

    /**
     * Whether one side says another class of a scale than the other ("most" / "a handful", "must" / "may", "if" /
     * "unless", "second" / "third"); a class said on one side only is a detail added or left out.
     */
    private static boolean otherClaim(Map<String, Integer> one, Map<String, Integer> other) {
        Map<String, Set<String>> onesScales = scales(one);
        Map<String, Set<String>> othersScales = scales(other);
        for (Map.Entry<String, Set<String>> scale : onesScales.entrySet()) {
            Set<String> theirs = othersScales.get(scale.getKey());
            if (theirs != null && !theirs.equals(scale.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Set<String>> scales(Map<String, Integer> claims) {
        Map<String, Set<String>> scales = new HashMap<>();
        for (String kind : claims.keySet()) {
            scales.computeIfAbsent(kind.startsWith("#") ? "#" : SCALES.get(kind), k -> new HashSet<>()).add(kind);
        }
        return scales;
    }

    /**
     * What a hunk changes: nothing the text claims ({@code NONE}, a rewording or a detail), words put in place of
     * others that are not their synonyms ({@code REPLACED}: how an explanation is edited to say something else, and as
     * often how a phrase is said in other words), or something else it claims ({@code OTHER}: a negation, a number, a
     * word of a scale, an opposite, words moved, a clause added or left out, or a hunk too long to read).
     */
    private enum Change { NONE, REPLACED, OTHER }

    /** The words of one answer put in place of the other's. */
    private record Hunk(Side removed, Side added) {

        /**
         * What the hunk changes in what the text claims, not only in how it says it; {@code exact}: numbers that differ
         * at all, a word of a scale, an ordinal, a number or a multiplier said on one side only, and two kinds of one
         * thing ("oxygen" / "nitrogen", "the aorta" / "the pulmonary artery") are something else it claims, not words
         * in place of others.
         */
        Change change(Set<String> ofA, Set<String> ofB, boolean exact) {
            List<String> gone = removed.significant();
            List<String> come = added.significant();
            if (gone.size() > MAX_HUNK_WORDS || come.size() > MAX_HUNK_WORDS) {
                return Change.OTHER;
            }
            if (removed.negations() != added.negations() || otherClaim(removed.claims(), added.claims())
                    || exact && !removed.claims().equals(added.claims())) {
                return Change.OTHER;
            }
            List<Quantities.Quantity> before = removed.quantities();
            List<Quantities.Quantity> after = added.quantities();
            if (!Quantities.covers(before, after, !exact) || !Quantities.covers(after, before, !exact)
                    || exact && (before.size() != after.size() || multiplier(gone) != multiplier(come))) {
                return Change.OTHER;
            }
            for (int k = 0; k < gone.size(); k++) {
                for (int l = 0; l < come.size(); l++) {
                    if (AnswerText.opposite(removed.stems().get(k), added.stems().get(l))
                            || Lexical.antonyms(gone.get(k), come.get(l))) {
                        return Change.OTHER;
                    }
                }
            }
            Set<String> goneWords = removed.content(true);
            Set<String> comeWords = added.content(true);
            if (goneWords.isEmpty() || comeWords.isEmpty()) {
                // what one only adds or leaves out, without a negation, a number or a word of a scale, is a detail;
                // a clause of its own is a claim no rule here reads ("In fact, the leaves take in oxygen.")
                return goneWords.size() + comeWords.size() >= ADDED_WORDS ? Change.OTHER : Change.NONE;
            }
            if (ofB.containsAll(goneWords) && ofA.containsAll(comeWords)) {
                // the same words, moved
                return Change.OTHER;
            }
            if (goneWords.size() + comeWords.size() < PHRASE_WORDS) {
                // one or two words in place of others: an edit unless they are synonyms
                return Lexical.synonymous(gone, come) ? Change.NONE
                        : exact && kinds(gone, come) ? Change.OTHER : Change.REPLACED;
            }
            // a phrase says the same in other words when half its words have a related word ("faster" / "quicker") or
            // one of their family ("integrity-protected" / "protected against tampering") in the other's; else it is
            // another claim
            return relatedEnough(removed.content(false), added.content(false)) ? Change.NONE : Change.REPLACED;
        }

        /**
         * Whether {@link #RELATED_SHARE} of the words of the side with fewer (rounded up) each have a word the other side
         * has that WordNet relates to it or that is of its family ({@link Lexical#relatedWords}).
         */
        private static boolean relatedEnough(Set<String> one, Set<String> other) {
            Set<String> fewer = one.size() <= other.size() ? one : other;
            List<String> more = new ArrayList<>(fewer == one ? other : one);
            int needed = (int) Math.ceil(RELATED_SHARE * fewer.size());
            int found = 0;
            for (String word : fewer) {
                if (Lexical.relatedWords(List.of(word), more) && ++found >= needed) {
                    return true;
                }
            }
            return found >= needed;
        }

        /**
         * Whether WordNet gives the words of each side, as one term or word by word, as kinds of one thing (within two
         * steps each: "copper" / "aluminium", "pulmonary artery" / "aorta").
         */
        private static boolean kinds(List<String> gone, List<String> come) {
            String one = String.join(" ", gone);
            String other = String.join(" ", come);
            if (Lexical.twoKinds(one, other) || Lexical.cousins(one, other)) {
                return true;
            }
            for (String x : gone) {
                for (String y : come) {
                    if (Lexical.twoKinds(x, y) || Lexical.cousins(x, y)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether a side says how many times ("twice", "half", "double"): a number in words the quantities miss. */
        private static boolean multiplier(List<String> words) {
            return words.stream().anyMatch(MULTIPLIERS::contains);
        }

        boolean phrase() {
            Set<String> goneWords = removed.content(true);
            Set<String> comeWords = added.content(true);
            return !goneWords.isEmpty() && !comeWords.isEmpty() && goneWords.size() + comeWords.size() >= PHRASE_WORDS;
        }
    }
}
