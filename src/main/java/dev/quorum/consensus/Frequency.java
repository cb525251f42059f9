package dev.quorum.consensus;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often an answer says a thing happens, on a scale of five: never, rarely, sometimes, often, always. Two short
 * answers about one thing that put it two steps or more apart on that scale contradict each other ("She gets
 * migraines frequently." / "She hardly ever gets migraines."; "It never returns the list …" / "It always returns the
 * list …"), however alike their other words are; one step apart ("usually" / "always", "rarely" / "sometimes") is
 * wording.
 */
final class Frequency {

    /** No word of how often. */
    static final int NONE = -1;
    /**
     * Words of more than one step of the scale, one that is negated ("not always") or one before a verb of failing
     * ("never fails"): not read.
     */
    static final int MIXED = -2;

    private static final Map<String, Integer> STEPS = Map.ofEntries(
            Map.entry("never", 0), Map.entry("not ever", 0), Map.entry("at no time", 0), Map.entry("not once", 0),
            Map.entry("rarely", 1), Map.entry("seldom", 1), Map.entry("hardly ever", 1), Map.entry("almost never", 1),
            Map.entry("scarcely ever", 1), Map.entry("infrequently", 1), Map.entry("once in a blue moon", 1),
            Map.entry("sometimes", 2), Map.entry("occasionally", 2), Map.entry("now and then", 2),
            Map.entry("from time to time", 2), Map.entry("at times", 2),
            Map.entry("often", 3), Map.entry("frequently", 3), Map.entry("usually", 3), Map.entry("commonly", 3),
            Map.entry("regularly", 3), Map.entry("typically", 3), Map.entry("most of the time", 3),
            Map.entry("always", 4), Map.entry("every time", 4), Map.entry("constantly", 4), Map.entry("invariably", 4),
            Map.entry("all the time", 4), Map.entry("without exception", 4));
    /** The words of the scale, longest first where one starts another ("almost never" before "never"). */
    private static final Pattern WORDS = Pattern.compile("\\b(once in a blue moon|from time to time|most of the time"
            + "|without exception|all the time|every time|now and then|at no time|hardly ever|almost never"
            + "|scarcely ever|not ever|not once|at times|never|rarely|seldom|infrequently|sometimes|occasionally"
            + "|often|frequently|usually|commonly|regularly|typically|always|constantly|invariably)\\b");
    /** A negation just before a word of the scale ("not always", "doesn't often", "isn't usually"). */
    private static final Pattern NEGATED = Pattern.compile("(?:\\bnot|n't|\\bnever)\\s+(?:\\w+\\s+)?$");

    /** A word of the scale before a verb of failing ("never fails to terminate" is "always terminates"): not read. */
    private static final Pattern FAILING = Pattern.compile("\\s+(?:\\w+\\s+)?(?:fail|fails|failed|miss|misses|missed"
            + "|forget|forgets|forgot|neglect|neglects|neglected)\\b");

    private Frequency() {
    }

    /**
     * The step of the scale (0 never … 4 always) a lower-cased answer puts what it says at; {@link #NONE} when it says
     * nothing of how often, {@link #MIXED} when it says more than one step or negates one.
     */
    static int step(String lower) {
        Matcher matcher = WORDS.matcher(lower);
        int step = NONE;
        while (matcher.find()) {
            int start = matcher.start();
            if (NEGATED.matcher(lower.substring(Math.max(0, start - 20), start)).find()
                    || FAILING.matcher(lower).region(matcher.end(), Math.min(lower.length(), matcher.end() + 30))
                    .lookingAt()) {
                return MIXED;
            }
            int found = STEPS.get(matcher.group(1));
            if (step != NONE && step != found) {
                return MIXED;
            }
            step = found;
        }
        return step;
    }

    /**
     * Whether two answers say how often at steps of the scale two or more apart ("frequently" / "hardly ever");
     * either saying nothing of it, or more than one step, is no contradiction.
     */
    static boolean contradicts(String lowerA, String lowerB) {
        int x = step(lowerA);
        int y = step(lowerB);
        return x >= 0 && y >= 0 && Math.abs(x - y) >= 2;
    }
}
