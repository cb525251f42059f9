package dev.quorum.consensus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.consensus.Quantities.Quantity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether two answers to the same question give the same answer, as far as their words can tell; where they cannot,
 * the meaning (the embedding's cosine similarity) decides. Embeddings alone group near-identical sentences that differ
 * in one entity, one verb, one label or a negation, and keep apart a bare label and the sentence that states it; so,
 * in this order:
 * <ol>
 * <li>equal {@link AnswerKey}s are the same answer; two different JSON values, yes and no, two choice letters or two
 * quantities are different ones;</li>
 * <li>an answer that opens with yes or no ("No, you don't. …") agrees with a statement only when the statement's
 * polarity agrees, and then the rest of it is compared;</li>
 * <li>numbers: when both answers state quantities and neither answer's quantities cover the other's (values with
 * units, "about" allowing 1.5 %), they differ;</li>
 * <li>lists ("red, yellow and blue") are the same when they hold the same items, in any order unless the question
 * asks for one;</li>
 * <li>a short answer (up to four content words, or a number) is the same as a longer one that contains it and says
 * little else beyond the question's own words ("Paris." and "The capital of France is Paris."), different from one
 * that contains it next to a rival number or negates it, and left to the meaning otherwise;</li>
 * <li>a contradiction guard for near-identical answers (at least {@value #NEAR} of the longer one's words in common,
 * in order): a negation or an opposite (from a small lexicon, or un-/in-/non- prefixed) in the words that differ, or
 * one content word put in place of another ("Jackson" for "Gson", "revoke" for "renew"), makes them different.</li>
 * </ol>
 * Rules that find nothing leave the pair to the meaning. Reading an answer costs microseconds; the embedding is only
 * needed for the pairs the rules leave open.
 */
final class Equivalence {

    /** Share of the longer answer's words two answers must have in common, in order, to count as near-identical. */
    static final double NEAR = 0.6;
    /** The same for code, where one changed token in a short command is already a different answer. */
    static final double NEAR_CODE = 0.5;
    /** Near-identical answers differ in at most this many places for the guard to read them. */
    static final int MAX_HUNKS = 2;

    /** A short answer has at most this many words (or is only numbers): a label, a name, a term. */
    static final int SHORT_WORDS = 4;

    /** Content words beyond the question's that a sentence may add to a short answer it states. */
    static final int MAX_EXTRA = 2;

    /** What the rules decided about a pair: the same answer, different answers, or left to the meaning. */
    enum Decision { SAME, DIFFERENT, MEANING }

    /** The decision and the rule that made it (for reasoning and tests). */
    record Verdict(Decision decision, String rule) {
        static final Verdict MEANING = new Verdict(Decision.MEANING, "meaning");
    }

    private static final Set<String> VERBS = Set.of("is", "are", "was", "were", "be", "has", "have", "had", "will",
            "can", "should", "must", "does", "do", "did", "would", "could");
    private static final int MAX_DIFF_WORDS = 300;
    /** Answers up to this many words are compared by their numbers. */
    private static final int NUMBERS_WORDS = 40;
    /** Answers up to this many words that state the same numbers give the same answer (unless the guard objects). */
    private static final int SAME_NUMBERS_WORDS = 25;

    /** One answer, read once per vote. */
    static final class Reading {
        final String answer;
        final String lower;
        final String key;
        final JsonNode json;
        final List<String> words;
        final List<String> stems;
        final Set<String> content;
        final int negations;
        final List<Quantity> quantities;
        final Set<Double> nameNumbers;
        final boolean approximate;
        final AnswerText.Stance stance;
        final Reading rest;
        final List<String> items;
        final boolean code;
        /** The words that carry meaning (all of them in code), with their stems, in order. */
        final List<String> significant;
        final List<String> significantStems;

        private Reading(String answer, Question question) {
            this(answer, question, null, true);
        }

        /**
         * {@code key}: the answer's key when the caller has it; {@code full}: false for what majority's join reads
         * (no list items, no code reading, no rest after a yes or no, no contradiction guard).
         */
        private Reading(String answer, Question question, String key, boolean full) {
            this.answer = answer == null ? "" : answer;
            this.key = key != null ? key : AnswerKey.of(this.answer, question);
            this.json = full || this.key.startsWith("json:") ? AnswerKey.json(this.answer) : null;
            this.lower = AnswerText.lower(this.answer);
            this.words = AnswerText.words(lower);
            this.stems = new ArrayList<>(words.size());
            this.content = new HashSet<>();
            int negations = 0;
            for (String word : words) {
                String stem = AnswerText.stem(word);
                stems.add(stem);
                if (AnswerText.negation(word)) {
                    negations++;
                } else if (!AnswerText.stopword(word)) {
                    content.add(stem);
                }
            }
            this.quantities = Quantities.parse(lower);
            this.approximate = Quantities.approximate(lower);
            this.nameNumbers = full ? nameNumbers(this.answer) : Set.of();
            AnswerText.Stance stance = AnswerText.stance(lower);
            this.stance = stance;
            String restText = stance.present() ? lower.substring(Math.min(lower.length(), stance.rest())) : "";
            if (stance.present()) {
                for (String word : AnswerText.words(lower.substring(0, Math.min(lower.length(), stance.rest())))) {
                    if (AnswerText.negation(word)) {
                        negations--;
                    }
                }
            }
            this.negations = Math.max(0, negations);
            this.rest = full && stance.present() && !AnswerText.words(restText).isEmpty()
                    ? new Reading(restText, question) : null;
            this.items = full ? items(json, lower) : null;
            this.code = full && (AnswerKey.codeLike(this.answer) || this.answer.contains(" -") && this.answer.length() < 80
                    && this.answer.indexOf(' ') > 0 && this.answer.indexOf(' ') < 12);
            this.significant = new ArrayList<>(full ? words.size() : 0);
            this.significantStems = new ArrayList<>(full ? words.size() : 0);
            for (int k = 0; full && k < words.size(); k++) {
                String word = words.get(k);
                if (code || !AnswerText.stopword(word) || AnswerText.negation(word)) {
                    significant.add(word);
                    significantStems.add(stems.get(k));
                }
            }
        }

        static Reading of(String answer, Question question) {
            return new Reading(answer, question);
        }

        /** What majority's join reads of an answer whose key is known. */
        static Reading forJoin(String answer, String key, Question question) {
            return new Reading(answer, question, key, false);
        }

        boolean typed() {
            return AnswerKey.isShortAnswer(key);
        }
    }

    private Equivalence() {
    }

    static Verdict compare(Reading a, Reading b, Question question) {
        return compare(a, b, question, 0);
    }

    private static Verdict compare(Reading a, Reading b, Question question, int depth) {
        if (a.key.equals(b.key) && !a.key.isEmpty()) {
            return new Verdict(Decision.SAME, "same key");
        }
        // JSON: two values compare by value; one value that is a single scalar or a list of scalars as its text
        if (a.json != null || b.json != null) {
            if (a.json != null && b.json != null) {
                return new Verdict(Decision.DIFFERENT, "different JSON values");
            }
            Reading json = a.json != null ? a : b;
            Reading other = a.json != null ? b : a;
            List<String> scalars = AnswerKey.scalars(json.json);
            if (depth == 0 && !scalars.isEmpty() && (scalars.size() == 1 || json.json.isArray())) {
                return compare(Reading.of(String.join(", ", scalars), question), other, question, depth + 1);
            }
            return Verdict.MEANING;
        }
        // typed short answers: yes/no, choice letters, quantities
        if (a.typed() && b.typed() && type(a.key).equals(type(b.key))) {
            if (a.key.startsWith("number:")) {
                return Quantities.covers(a.quantities, b.quantities, a.approximate || b.approximate)
                        && Quantities.covers(b.quantities, a.quantities, a.approximate || b.approximate)
                        ? new Verdict(Decision.SAME, "same quantity") : new Verdict(Decision.DIFFERENT, "different quantities");
            }
            return new Verdict(Decision.DIFFERENT, "different short answers");
        }
        if (a.key.startsWith("choice:") || b.key.startsWith("choice:")) {
            Reading other = a.key.startsWith("choice:") ? b : a;
            return other.typed() && !other.stance.present()
                    ? new Verdict(Decision.DIFFERENT, "different short answers") : Verdict.MEANING;
        }
        if (a.code || b.code) {
            if (a.significantStems.equals(b.significantStems)) {
                return new Verdict(Decision.DIFFERENT, "code that differs in its operators");
            }
        }
        // an explicit yes or no
        if (a.stance.present() || b.stance.present()) {
            Verdict stance = stance(a, b, question, depth);
            if (stance != null) {
                return stance;
            }
        }
        // quantities (in long answers many numbers come and go with the wording: there only the guard below looks)
        boolean sameQuantities = false;
        if (!a.quantities.isEmpty() && !b.quantities.isEmpty() && a.words.size() <= NUMBERS_WORDS
                && b.words.size() <= NUMBERS_WORDS) {
            boolean approximate = a.approximate || b.approximate;
            boolean aCoversB = Quantities.covers(a.quantities, b.quantities, approximate);
            boolean bCoversA = Quantities.covers(b.quantities, a.quantities, approximate);
            if (!aCoversB && !bCoversA) {
                return new Verdict(Decision.DIFFERENT, "different numbers");
            }
            sameQuantities = aCoversB && bCoversA && question != Question.NONE && !allInQuestion(a.quantities, question)
                    && a.words.size() <= SAME_NUMBERS_WORDS && b.words.size() <= SAME_NUMBERS_WORDS;
        }
        // lists
        if (a.items != null && b.items != null) {
            return sameItems(a.items, b.items, question.ordered())
                    ? new Verdict(Decision.SAME, "same items") : new Verdict(Decision.DIFFERENT, "different items");
        }
        // a short answer and a longer one
        Verdict contained = containment(a, b, question);
        if (contained != null) {
            return contained;
        }
        // near-identical answers that differ in a negation, an opposite or one content word
        String contradiction = contradiction(a, b);
        if (contradiction != null) {
            return new Verdict(Decision.DIFFERENT, contradiction);
        }
        if (sameQuantities && (a.negations > 0) == (b.negations > 0)) {
            return new Verdict(Decision.SAME, "same numbers");
        }
        return Verdict.MEANING;
    }

    private static String type(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key.equals("yes") || key.equals("no") ? "yes-no" : key : key.substring(0, colon);
    }

    private static boolean allInQuestion(List<Quantity> quantities, Question question) {
        for (Quantity q : quantities) {
            if (!inQuestion(q, question)) {
                return false;
            }
        }
        return true;
    }

    /** Yes or no on one side or both; {@code null} to go on comparing. */
    private static Verdict stance(Reading a, Reading b, Question question, int depth) {
        if (a.stance.present() && b.stance.present()) {
            if (!a.stance.value().equals(b.stance.value())) {
                return new Verdict(Decision.DIFFERENT, "yes and no");
            }
            if (a.rest != null && b.rest != null && depth < 2) {
                Verdict rests = compare(a.rest, b.rest, question, depth + 1);
                if (rests.decision() == Decision.DIFFERENT && !rests.rule().equals("yes and no")) {
                    return rests;
                }
            }
            return new Verdict(Decision.SAME, "same yes or no");
        }
        Reading said = a.stance.present() ? a : b;
        Reading other = a.stance.present() ? b : a;
        if (said.rest == null) {
            String inferred = other.negations > 0 ? "no" : "yes";
            return inferred.equals(said.stance.value()) ? new Verdict(Decision.SAME, "statement agrees with yes or no")
                    : new Verdict(Decision.DIFFERENT, "statement contradicts yes or no");
        }
        if ((said.rest.negations > 0) != (other.negations > 0)) {
            return new Verdict(Decision.DIFFERENT, "negation after yes or no");
        }
        return depth < 2 ? compare(said.rest, other, question, depth + 1) : null;
    }

    /**
     * A short answer against a longer one: {@code null} when neither is short; SAME when the longer one contains it
     * and little else beyond the question's words; DIFFERENT when it contains it negated, or a number next to a rival
     * number; MEANING when it does not contain it.
     */
    private static Verdict containment(Reading a, Reading b, Question question) {
        Reading shortOne;
        Reading longOne;
        if (isShort(a) && b.words.size() >= a.words.size() + 2) {
            shortOne = a;
            longOne = b;
        } else if (isShort(b) && a.words.size() >= b.words.size() + 2) {
            shortOne = b;
            longOne = a;
        } else {
            return null;
        }
        if (onlyNumbers(shortOne)) {
            boolean approximate = shortOne.approximate || longOne.approximate;
            if (!Quantities.covers(longOne.quantities, shortOne.quantities, approximate)) {
                return new Verdict(Decision.DIFFERENT, "number not stated");
            }
            for (Quantity q : longOne.quantities) {
                if (!Quantities.covers(shortOne.quantities, List.of(q), approximate) && !"month".equals(q.unit())
                        && !"day".equals(q.unit()) && !inQuestion(q, question) && !longOne.nameNumbers.contains(q.value())) {
                    return new Verdict(Decision.DIFFERENT, "number next to another number");
                }
            }
            return shortOne.negations == 0 && negatedNumber(longOne)
                    ? new Verdict(Decision.DIFFERENT, "negated number") : new Verdict(Decision.SAME, "number stated");
        }
        if (shortOne.content.isEmpty()) {
            return null;
        }
        // the first sentence of the longer answer that holds every content word of the short one
        for (String sentence : sentences(longOne.lower)) {
            List<String> words = AnswerText.words(sentence);
            Set<String> stems = new HashSet<>();
            int negations = 0;
            for (String word : words) {
                stems.add(AnswerText.stem(word));
                if (AnswerText.negation(word)) {
                    negations++;
                }
            }
            if (!stems.containsAll(shortOne.content)) {
                continue;
            }
            if ((shortOne.negations > 0) != (negations > 0)) {
                return new Verdict(Decision.DIFFERENT, "contained but negated");
            }
            int extra = 0;
            for (String word : words) {
                String stem = AnswerText.stem(word);
                if (!AnswerText.stopword(word) && !AnswerText.negation(word) && !shortOne.content.contains(stem)
                        && !question.mentions(stem) && !Quantities.isDigit(stem.charAt(0))) {
                    extra++;
                }
            }
            return extra <= MAX_EXTRA ? new Verdict(Decision.SAME, "short answer stated") : Verdict.MEANING;
        }
        for (String stem : shortOne.content) {
            if (longOne.stems.contains(stem)) {
                return Verdict.MEANING;
            }
        }
        return new Verdict(Decision.DIFFERENT, "short answer not stated");
    }

    /** A short answer (a label, a name, a term, a number) that a sentence may state; not a bare yes or no. */
    static boolean isShortAnswer(Reading r) {
        return r.json == null && !r.stance.present() && isShort(r);
    }

    /**
     * Whether a sentence states exactly this short answer and nothing more: every word of the short answer is in it,
     * every other content word is the question's, no negation; a number must be the sentence's only number beyond the
     * question's. Without a question the sentence must read "… is X" or "X is …". The strict test majority voting
     * joins answers by; semantic grouping uses the lenient one in {@link #compare}.
     */
    static boolean states(Reading sentence, Reading shortOne, Question question) {
        if (sentence.json != null || sentence.negations > 0 || shortOne.negations > 0
                || sentence.words.size() <= shortOne.words.size() || sentence.words.size() > AnswerKey.SHORT_WORDS * 2) {
            return false;
        }
        if (question == Question.NONE) {
            String text = AnswerKey.normalise(sentence.answer);
            String answer = AnswerKey.normalise(shortOne.answer);
            for (String copula : new String[] {" is ", " are ", " was ", " were "}) {
                if (text.endsWith(copula + answer) || text.startsWith(answer + copula)) {
                    return true;
                }
            }
            return false;
        }
        if (onlyNumbers(shortOne)) {
            boolean found = false;
            for (Quantity q : sentence.quantities) {
                if (Quantities.covers(shortOne.quantities, List.of(q), false)) {
                    found = true;
                } else if (!inQuestion(q, question)) {
                    return false;
                }
            }
            if (!found) {
                return false;
            }
        } else if (shortOne.content.isEmpty() || !sentence.stems.containsAll(shortOne.content)) {
            return false;
        }
        for (String word : sentence.words) {
            String stem = AnswerText.stem(word);
            if (!AnswerText.stopword(word) && !shortOne.content.contains(stem) && !question.mentions(stem)
                    && !Quantities.isDigit(word.charAt(0)) && !Quantities.isUnit(word)) {
                return false;
            }
        }
        return true;
    }

    /** A short answer made of numbers, dates and units only ("1989", "6 minutes", "8 May 1945"). */
    private static boolean onlyNumbers(Reading r) {
        if (r.quantities.isEmpty()) {
            return false;
        }
        for (String word : r.words) {
            if (!AnswerText.stopword(word) && !Quantities.isDigit(word.charAt(0)) && !Quantities.isUnit(word)
                    && !Quantities.isMonth(word) && !Quantities.isNumberWord(word) && !word.equals("am")
                    && !word.equals("pm") && !word.equals("utc")) {
                return false;
            }
        }
        return true;
    }

    /** A negation right before a number ("not 42", "isn't 3"). */
    private static boolean negatedNumber(Reading r) {
        for (int k = 1; k < r.words.size(); k++) {
            if (Quantities.isDigit(r.words.get(k).charAt(0))
                    && (AnswerText.negation(r.words.get(k - 1)) || (k > 1 && AnswerText.negation(r.words.get(k - 2))))) {
                return true;
            }
        }
        return false;
    }

    /** Sentences and clauses after a colon or semicolon, in order. */
    static List<String> sentences(String lower) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean end = (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n')
                    && (i + 1 == lower.length() || lower.charAt(i + 1) == ' ' || lower.charAt(i + 1) == '\n');
            if (end) {
                if (i > start) {
                    sentences.add(lower.substring(start, i));
                }
                start = i + 1;
            }
        }
        if (start < lower.length()) {
            sentences.add(lower.substring(start));
        }
        return sentences;
    }

    private static boolean inQuestion(Quantity q, Question question) {
        for (Quantity asked : question.quantities()) {
            if (q.matches(asked, false)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isShort(Reading r) {
        return onlyNumbers(r) || (r.content.size() >= 1 && r.words.size() <= SHORT_WORDS);
    }

    /**
     * Near-identical answers (at least {@link #NEAR} of the longer one's words in common, in order) whose differing
     * words hold an odd number of negations and opposites, or a content word in place of another: why they differ,
     * else {@code null}.
     */
    static String contradiction(Reading a, Reading b) {
        List<String> x = a.significantStems;
        List<String> y = b.significantStems;
        boolean code = a.code || b.code;
        int n = x.size();
        int m = y.size();
        if (n == 0 || m == 0 || n > MAX_DIFF_WORDS || m > MAX_DIFF_WORDS) {
            return null;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        if (lcs[0][0] < (code ? NEAR_CODE : NEAR) * Math.max(n, m)) {
            return null;
        }
        // walk the alignment; each run of unmatched words on either side is one hunk
        int i = 0;
        int j = 0;
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removedWords = new ArrayList<>();
        List<String> addedWords = new ArrayList<>();
        List<String> reasons = new ArrayList<>(2);
        int hunks = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x.get(i).equals(y.get(j))) {
                if (!removed.isEmpty() || !added.isEmpty()) {
                    hunks++;
                    reasons.add(hunk(removed, added, removedWords, addedWords, code));
                    removed.clear();
                    added.clear();
                    removedWords.clear();
                    addedWords.clear();
                }
                i++;
                j++;
            } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
                removed.add(x.get(i));
                removedWords.add(a.significant.get(i));
                i++;
            } else {
                added.add(y.get(j));
                addedWords.add(b.significant.get(j));
                j++;
            }
        }
        if (!removed.isEmpty() || !added.isEmpty()) {
            hunks++;
            reasons.add(hunk(removed, added, removedWords, addedWords, code));
        }
        // one changed place, or two that both contradict (a swap: "France beat Croatia" / "Croatia beat France");
        // paraphrases change more places, or add words next to the one they change
        if (hunks > MAX_HUNKS || reasons.contains(null)) {
            return null;
        }
        return reasons.get(0);
    }

    private static String hunk(List<String> removed, List<String> added, List<String> removedWords,
                               List<String> addedWords, boolean code) {
        if (removed.isEmpty() && added.isEmpty()) {
            return null;
        }
        int flips = 0;
        for (String word : removedWords) {
            if (AnswerText.negation(word)) {
                flips++;
            }
        }
        for (String word : addedWords) {
            if (AnswerText.negation(word)) {
                flips++;
            }
        }
        for (String r : removed) {
            for (String s : added) {
                if (AnswerText.opposite(r, s)) {
                    flips++;
                }
            }
        }
        if (flips > 0) {
            return flips % 2 == 1 ? "near-identical but negated or opposite: " + String.join(" ", removedWords) + " / "
                    + String.join(" ", addedWords) : null;
        }
        Set<String> gone = content(removed, removedWords, code);
        Set<String> come = content(added, addedWords, code);
        Set<String> common = new HashSet<>(gone);
        common.retainAll(come);
        gone.removeAll(common);
        come.removeAll(common);
        if (!gone.isEmpty() && !come.isEmpty()) {
            return "near-identical but " + String.join(" ", removedWords) + " in place of " + String.join(" ", addedWords);
        }
        return null;
    }

    private static Set<String> content(List<String> stems, List<String> words, boolean code) {
        Set<String> content = new HashSet<>();
        for (int k = 0; k < stems.size(); k++) {
            String word = words.get(k);
            if (code || !AnswerText.stopword(word)) {
                content.add(stems.get(k));
            }
        }
        return content;
    }

    /**
     * Whether two lists hold the same items (in the same order when {@code ordered}); a first item that carries a
     * lead-in ("you need vinegar") matches by its last words.
     */
    static boolean sameItems(List<String> a, List<String> b, boolean ordered) {
        if (a.size() != b.size()) {
            return false;
        }
        List<String> x = trimmedFirst(a, b);
        List<String> y = trimmedFirst(b, x);
        if (ordered) {
            return x.equals(y);
        }
        List<String> remaining = new ArrayList<>(y);
        for (String item : x) {
            if (!remaining.remove(item)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> trimmedFirst(List<String> items, List<String> other) {
        String first = items.get(0);
        if (other.contains(first)) {
            return items;
        }
        for (String candidate : other) {
            if (first.endsWith(" " + candidate)) {
                List<String> trimmed = new ArrayList<>(items);
                trimmed.set(0, candidate);
                return trimmed;
            }
        }
        return items;
    }

    /**
     * The items of a short list answer ("red, yellow and blue", "- gas\n- solid", "1. a\n2. b", a JSON list), each as
     * its content stems, or {@code null} when the answer is not a list.
     */
    static List<String> items(JsonNode json, String lower) {
        if (json != null) {
            return null;
        }
        List<String> raw = new ArrayList<>();
        String[] lines = lower.split("\n");
        if (lines.length >= 2) {
            for (String line : lines) {
                String item = line.strip();
                if (item.isEmpty()) {
                    continue;
                }
                int start = 0;
                while (start < item.length() && (item.charAt(start) == '-' || item.charAt(start) == '*'
                        || item.charAt(start) == '•' || Quantities.isDigit(item.charAt(start))
                        || item.charAt(start) == '.' || item.charAt(start) == ')' || item.charAt(start) == ' ')) {
                    start++;
                }
                if (start == 0) {
                    return null;
                }
                raw.add(item.substring(start));
            }
        } else {
            String text = lower.strip();
            while (!text.isEmpty() && (text.endsWith(".") || text.endsWith("!"))) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.startsWith("[") && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1);
            }
            if (text.indexOf(',') < 0 && !text.contains(" and ")) {
                return null;
            }
            for (String part : text.split(",")) {
                String piece = part.strip();
                if (piece.startsWith("and ")) {
                    piece = piece.substring(4);
                }
                for (String item : piece.split(" and ")) {
                    if (!item.isBlank()) {
                        raw.add(item.strip());
                    }
                }
            }
        }
        if (raw.size() < 2) {
            return null;
        }
        List<String> items = new ArrayList<>(raw.size());
        for (int k = 0; k < raw.size(); k++) {
            List<String> words = AnswerText.words(raw.get(k));
            if (words.isEmpty() || words.size() > (k == 0 ? 5 : 4)) {
                return null;
            }
            StringBuilder item = new StringBuilder();
            for (String word : words) {
                if (VERBS.contains(word)) {
                    return null;
                }
                if (!AnswerText.stopword(word)) {
                    item.append(item.isEmpty() ? "" : " ").append(AnswerText.stem(word));
                }
            }
            items.add(item.toString());
        }
        return items;
    }

    /** Numbers that are part of a name ("Apollo 11", "Python 3.12"): right after a capitalised word. */
    private static Set<Double> nameNumbers(String answer) {
        Set<Double> numbers = null;
        int n = answer.length();
        for (int i = 1; i < n; i++) {
            if (!Character.isDigit(answer.charAt(i)) || Character.isLetterOrDigit(answer.charAt(i - 1))
                    || answer.charAt(i - 1) != ' ') {
                continue;
            }
            int wordEnd = i - 1;
            int wordStart = wordEnd;
            while (wordStart > 0 && Character.isLetter(answer.charAt(wordStart - 1))) {
                wordStart--;
            }
            if (wordStart == wordEnd || !Character.isUpperCase(answer.charAt(wordStart))) {
                continue;
            }
            String word = answer.substring(wordStart, wordEnd).toLowerCase(java.util.Locale.ROOT);
            if (AnswerText.stopword(word) || Quantities.isMonth(word)) {
                continue;
            }
            int end = i;
            while (end < n && (Character.isDigit(answer.charAt(end)) || (answer.charAt(end) == '.' && end + 1 < n
                    && Character.isDigit(answer.charAt(end + 1))))) {
                end++;
            }
            try {
                if (numbers == null) {
                    numbers = new HashSet<>();
                }
                numbers.add(Double.parseDouble(answer.substring(i, end)));
            } catch (NumberFormatException e) {
                // not a plain number
            }
        }
        return numbers == null ? Set.of() : numbers;
    }

}
