package dev.quorum.consensus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Two things put the other way round in the same words: "The median is more robust to outliers than the mean" /
 * "The mean is more robust to outliers than the median", "Alice paid Bob" / "Bob paid Alice". Word overlap and the
 * embedding see the same sentence twice; the relation runs the other way.
 */
final class WordOrder {

    /** Content words a sentence needs for the order of two of them to say something (a relation and its two ends). */
    private static final int MIN_WORDS = 3;
    /** Content words read at most: a bound on what two long texts cost (a swap is read in sentences, not essays). */
    private static final int MAX_WORDS = 24;
    private static final int MAX_CHARS = 400;
    /**
     * Words that relate two things both ways round, or list them ("salt and pepper", "X is the same as Y", "Canada
     * borders the US"): between the two swapped words they make the swap say the same.
     */
    private static final Set<String> SYMMETRIC = Set.of("and", "or", "nor", "with", "versus", "vs", "plus", "between",
            "both", "same", "equal", "equals", "equivalent", "similar", "identical", "alike", "like", "unlike", "as",
            "married", "adjacent", "near", "next", "border", "borders", "bordering", "meet", "meets", "differ",
            "differs", "different", "compatible", "together", "related", "connected", "parallel", "perpendicular",
            "interchangeable", "synonymous", "siblings", "neighbours", "neighbors", "times", "whereas", "while",
            "opposite", "opposites", "antonym", "antonyms", "inverse", "reverse", "complement", "counterpart", "cousin",
            "cousins", "twin", "twins", "partner", "partners", "synonym", "synonyms", "sibling", "orthogonal",
            "independent", "intersect", "intersects");

    /** What joins two clauses as it joins two things ({@link #symmetric}). */
    private static final Set<String> CONJUNCTIONS = Set.of("and", "or", "nor", "whereas", "while");
    /** Adverbs that link the second thing to the first ("Saturn and likewise Jupiter"), not another clause. */
    private static final Set<String> LINKING = Set.of("likewise", "also", "too", "then", "still", "even", "again",
            "moreover", "besides", "so", "thus", "hence", "therefore", "later", "afterwards");
    private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being", "get", "gets",
            "got", "gotten");

    private WordOrder() {
    }

    /**
     * The two content words a text puts the other way round from a reference, in otherwise the same content words in
     * the same order, with a relation between them that is not symmetric ("than", "paid", "to"); {@code null} when
     * there are none. With {@code more}, the text may say more: its first occurrences of the reference's words are
     * read ("Jupiter is bigger than Saturn, by far" against the claim "Saturn bigger than Jupiter").
     */
    static String swapped(String referenceLower, String lower, boolean more) {
        if (referenceLower.length() > MAX_CHARS || !more && lower.length() > MAX_CHARS) {
            return null;
        }
        List<String> reference = tokens(referenceLower);
        List<String> text = tokens(lower);
        List<Integer> at = content(reference);
        List<Integer> in = content(text);
        if (at.size() < MIN_WORDS || at.size() > MAX_WORDS || !more && in.size() != at.size()) {
            return null;
        }
        List<String> wanted = new ArrayList<>(at.size());
        for (int k : at) {
            wanted.add(AnswerText.stem(reference.get(k)));
        }
        if (new HashSet<>(wanted).size() != wanted.size()) {
            // a word said twice: which of the two moved is not known
            return null;
        }
        List<Integer> kept = new ArrayList<>(wanted.size());
        Set<String> seen = new HashSet<>();
        for (int k : in) {
            String stem = AnswerText.stem(text.get(k));
            if (!wanted.contains(stem)) {
                if (!more) {
                    return null;
                }
                continue;
            }
            if (seen.add(stem)) {
                kept.add(k);
            } else if (!more) {
                return null;
            }
        }
        if (kept.size() != wanted.size()) {
            return null;
        }
        int first = -1;
        int second = -1;
        for (int p = 0; p < wanted.size(); p++) {
            if (wanted.get(p).equals(AnswerText.stem(text.get(kept.get(p))))) {
                continue;
            }
            if (first < 0) {
                first = p;
            } else if (second < 0) {
                second = p;
            } else {
                return null;
            }
        }
        if (second < 0) {
            return null;
        }
        int from = at.get(first);
        int to = at.get(second);
        if (!wanted.get(first).equals(AnswerText.stem(text.get(kept.get(second))))
                || to == from + 1 || kept.get(second) == kept.get(first) + 1
                || symmetric(reference, from, to) || symmetric(text, kept.get(first), kept.get(second))
                || passive(reference, from, to) != passive(text, kept.get(first), kept.get(second))) {
            // next to each other they are one phrase reworded ("remote work" / "work remotely"); in the passive
            // voice on one side only, the same relation ("The lease allows pets" / "Pets are allowed under the lease")
            return null;
        }
        return reference.get(at.get(first)) + " and " + reference.get(at.get(second));
    }

    /**
     * Whether the tokens between two positions list the two things or relate them both ways round; not a conjunction or
     * a punctuation mark followed, before the second, by a content word of its own that is no linking adverb ("…
     * rises in the west and sets in the east", "… went to Portugal and those to the west to Spain": each in a clause
     * of its own, put the other way round; not "Saturn and likewise Jupiter").
     */
    private static boolean symmetric(List<String> tokens, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            String token = tokens.get(k);
            boolean joins = CONJUNCTIONS.contains(token) || !Quantities.isLetterOrDigit(token.charAt(0));
            if ((SYMMETRIC.contains(token) || joins) && !(joins && clauseBefore(tokens, k + 1, to))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a content word comes between two positions that relates nothing both ways round and is no adverb
     * ("likewise", "similarly"): the start of another clause's own words.
     */
    private static boolean clauseBefore(List<String> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            String token = tokens.get(k);
            if (Quantities.isLetter(token.charAt(0)) && !AnswerText.stopword(token) && !SYMMETRIC.contains(token)
                    && !token.endsWith("ly") && !LINKING.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the tokens between two positions are in the passive voice ("are allowed", "was written by"). */
    private static boolean passive(List<String> tokens, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            String token = tokens.get(k);
            if (token.equals("by") || BE.contains(token) && k + 1 < to && participle(tokens.get(k + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean participle(String word) {
        return word.length() > 3 && (word.endsWith("ed") || word.endsWith("en") || word.endsWith("wn"));
    }

    /** Where the content words are: not stop words, not negations, written in letters. */
    private static List<Integer> content(List<String> tokens) {
        List<Integer> at = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            String token = tokens.get(k);
            if (Quantities.isLetter(token.charAt(0)) && !AnswerText.stopword(token) && !AnswerText.negation(token)) {
                at.add(k);
            }
        }
        return at;
    }

    /** The words, digits and list punctuation (",", ";", "/", "&") of a lower-cased text, in order. */
    private static List<String> tokens(String lower) {
        List<String> tokens = new ArrayList<>(lower.length() / 5 + 2);
        int n = lower.length();
        int i = 0;
        while (i < n) {
            char c = lower.charAt(i);
            if (c == ',' || c == ';' || c == '/' || c == '&') {
                tokens.add(String.valueOf(c));
                i++;
                continue;
            }
            if (!Quantities.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Quantities.isLetterOrDigit(lower.charAt(i))
                    || lower.charAt(i) == '\'' && i + 1 < n && Quantities.isLetter(lower.charAt(i + 1)))) {
                i++;
            }
            tokens.add(lower.substring(start, i));
        }
        return tokens;
    }
}
