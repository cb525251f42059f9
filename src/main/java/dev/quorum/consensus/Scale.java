package dev.quorum.consensus;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scale of five steps that short answers put a claim on: how often ({@link #HOW_OFTEN}: never, rarely, sometimes,
 * often, always) and how much of a whole ({@link #HOW_MUCH}: none, few, some, most, all). Two short answers about one
 * thing that put it two steps or more apart contradict each other ("She gets migraines frequently." / "She hardly ever
 * gets migraines."; "Most mammals give birth to live young." / "Few mammals …"), however alike their other words are;
 * one step apart ("usually" / "always", "most" / "all") is wording.
 */
final class Scale {

    /** No word of the scale. */
    static final int NONE = -1;
    /**
     * Words of more than one step of the scale, one that is negated ("not always"), compared ("less often") or before
     * a verb of failing ("never fails"): not read.
     */
    static final int MIXED = -2;

    /** Words too common to say that a text may hold a word of a scale ({@link #mentioned}). */
    private static final Set<String> COMMON = Set.of("a", "the", "of", "at", "not", "no", "from",
            "now", "and", "in", "to", "very", "quite", "almost", "nearly", "hardly", "scarcely", "large", "small",
            "vast");

    static final Scale HOW_OFTEN = new Scale(Map.ofEntries(
            Map.entry("never", 0), Map.entry("not ever", 0), Map.entry("at no time", 0), Map.entry("not once", 0),
            Map.entry("rarely", 1), Map.entry("seldom", 1), Map.entry("hardly ever", 1), Map.entry("almost never", 1),
            Map.entry("scarcely ever", 1), Map.entry("infrequently", 1), Map.entry("once in a blue moon", 1),
            Map.entry("sometimes", 2), Map.entry("occasionally", 2), Map.entry("now and then", 2),
            Map.entry("from time to time", 2), Map.entry("at times", 2),
            Map.entry("often", 3), Map.entry("frequently", 3), Map.entry("usually", 3), Map.entry("commonly", 3),
            Map.entry("regularly", 3), Map.entry("typically", 3), Map.entry("most of the time", 3),
            Map.entry("always", 4), Map.entry("every time", 4), Map.entry("constantly", 4), Map.entry("invariably", 4),
            Map.entry("all the time", 4), Map.entry("without exception", 4)), "");
    /**
     * How much of a whole: "few" but "a few" is some, "quite a few" many; "little" only as "very little" or "little
     * of" (elsewhere it is a size); "all" not in "at all", "after all", "all in all", "above all", "first of all".
     */
    static final Scale HOW_MUCH = new Scale(Map.ofEntries(
            Map.entry("none", 0), Map.entry("nobody", 0), Map.entry("no one", 0), Map.entry("not a single", 0),
            Map.entry("few", 1), Map.entry("very few", 1), Map.entry("hardly any", 1), Map.entry("scarcely any", 1),
            Map.entry("almost none", 1), Map.entry("a minority", 1), Map.entry("very little", 1),
            Map.entry("little of", 1), Map.entry("a small minority", 1),
            Map.entry("some", 2), Map.entry("several", 2), Map.entry("a few", 2), Map.entry("a handful", 2),
            Map.entry("most", 3), Map.entry("many", 3), Map.entry("the majority", 3), Map.entry("a majority", 3),
            Map.entry("the bulk", 3), Map.entry("nearly all", 3), Map.entry("almost all", 3),
            Map.entry("quite a few", 3), Map.entry("a large majority", 3), Map.entry("the vast majority", 3),
            Map.entry("all", 4), Map.entry("every", 4), Map.entry("everyone", 4), Map.entry("everybody", 4),
            Map.entry("each", 4), Map.entry("everything", 4), Map.entry("without exception", 4)),
            "\\b(?:at all|after all|all in all|above all|first of all|all right|once and for all|all of a sudden"
                    + "|most likely|the most|at most|at least some|some of the most|for some reason|some time|each other"
                    + "|every time|every day|everyday|all the time|most of the time)\\b");

    /**
     * A negation at the end of a text, just before a word read after it ("not always", "doesn't often", "isn't
     * sugar-free").
     */
    static final Pattern NEGATED = Pattern.compile("(?:\\bnot|n't|\\bnever)\\s+(?:\\w+\\s+)?$");
    /** A comparative just before a word of the scale ("less often than women"): a comparison, not a step. */
    private static final Pattern COMPARED = Pattern.compile("\\b(?:less|more|as|so)\\s+$");
    /** A word of the scale before a verb of failing ("never fails to terminate" is "always terminates"): not read. */
    private static final Pattern FAILING = Pattern.compile("\\s+(?:\\w+\\s+)?(?:fail|fails|failed|miss|misses|missed"
            + "|forget|forgets|forgot|neglect|neglects|neglected)\\b");


    private final Map<String, Integer> steps;
    /** The words of the scale's phrases but the common ones: a text holds a phrase only if it holds one of these. */
    private final Set<String> cues;
    /** The words of the scale, longest first ("almost never" before "never"). */
    private final Pattern words;
    /** Phrases where a word of the scale means something else ("at all", "the most"): left out before reading. */
    private final Pattern idioms;

    private Scale(Map<String, Integer> steps, String idioms) {
        this.steps = steps;
        this.words = Pattern.compile("\\b(" + String.join("|", steps.keySet().stream()
                .sorted((x, y) -> y.length() - x.length()).toList()) + ")\\b");
        this.idioms = idioms.isEmpty() ? null : Pattern.compile(idioms);
        Set<String> words = new HashSet<>();
        for (String phrase : steps.keySet()) {
            for (String word : phrase.split(" ")) {
                if (!COMMON.contains(word)) {
                    words.add(word);
                }
            }
        }
        this.cues = Set.copyOf(words);
    }

    /**
     * Whether an answer's words (lower case) may hold a word of the scale: a cheap look before {@link #step} reads
     * the text (most answers hold none, and the semantic vote compares every pair).
     */
    boolean mentioned(List<String> words) {
        for (String word : words) {
            if (cues.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The step of the scale (0 … 4) a lower-cased answer puts what it says at; {@link #NONE} when it says nothing of
     * it, {@link #MIXED} when it says more than one step or negates one.
     */
    int step(String lower) {
        String text = idioms == null ? lower : idioms.matcher(lower).replaceAll(" ");
        Matcher matcher = words.matcher(text);
        int step = NONE;
        while (matcher.find()) {
            int start = matcher.start();
            String before = text.substring(Math.max(0, start - 20), start);
            if (NEGATED.matcher(before).find() || COMPARED.matcher(before).find()
                    || FAILING.matcher(text).region(matcher.end(), Math.min(text.length(), matcher.end() + 30))
                    .lookingAt()) {
                return MIXED;
            }
            int found = steps.get(matcher.group(1));
            if (step != NONE && step != found) {
                return MIXED;
            }
            step = found;
        }
        return step;
    }

    /**
     * Whether two answers put what they say at steps of the scale two or more apart ("frequently" / "hardly ever");
     * either saying nothing of it, or more than one step, is no contradiction.
     */
    boolean contradicts(Equivalence.Reading a, Equivalence.Reading b) {
        return mentioned(a.words) && mentioned(b.words) && contradicts(a.lower, b.lower);
    }

    /** {@link #contradicts(Equivalence.Reading, Equivalence.Reading)} of two lower-cased texts. */
    boolean contradicts(String lowerA, String lowerB) {
        int x = step(lowerA);
        int y = step(lowerB);
        return x >= 0 && y >= 0 && Math.abs(x - y) >= 2;
    }
}
