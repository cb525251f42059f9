package dev.quorum.consensus;

import com.github.curiousoddman.rgxgen.RgxGen;
import com.github.curiousoddman.rgxgen.config.RgxGenOption;
import com.github.curiousoddman.rgxgen.config.RgxGenProperties;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two regular expressions (or two shell globs) given as answers to a question that asks for one, compared by what
 * they match rather than by how they are written, for semantic voting's word rules ({@link Equivalence}):
 * {@code [0-9]+} and {@code \d{1,}} match the same strings, {@code \d+} and {@code \d*} do not (the empty string).
 *
 * <p>A pattern with a repetition counted in three digits or more is no pattern here. Both patterns are run
 * (whole-string match, as the JDK's {@link Pattern} and glob {@link PathMatcher} read them; searched for in the string,
 * as grep does, when the question asks for lines that begin with, end with or contain something) on the same
 * strings:
 * strings RgxGen (a maintained library) draws from each, matching and not (from a glob's regular expression for a
 * glob); then every string of up to three characters (two when they name many) over the characters either pattern
 * names, and a fixed sample of longer strings drawn from digits, letters and the patterns' own words and characters. A
 * string one matches and the other does not makes them different; none found makes them the same. This is testing, not
 * proof: two patterns that differ only on strings the sample never draws are taken as one. A pattern longer than
 * {@link #MAX_LENGTH} characters, or one the JDK does not compile, is left to the other rules. What a pattern written
 * to backtrack ("(a+)+b") can cost is bounded by a budget of characters read over the whole comparison: when it is
 * spent, the pair is left to the other rules too.
 */
final class Patterns {

    private static final Pattern COUNTED = Pattern.compile("\\{(\\d+)");
    /** The characters the regular expressions of one comparison may read, all samples together. */
    static final int BUDGET = 2_000_000;
    /** The longest pattern compared. */
    static final int MAX_LENGTH = 100;
    /** The longer strings tried. */
    private static final int SAMPLES = 1500;
    private static final int SAMPLE_LENGTH = 16;
    private static final String COMMON = "0159azAZ-._ @/";
    /** The strings RgxGen draws from each regular expression that match it (and half as many that do not). */
    private static final int GENERATED = 100;
    /** How often RgxGen repeats what "+" and "*" repeat, at most. */
    private static final int MAX_REPETITION = 8;
    /** The most characters whose every string of three is tried. */
    private static final int SMALL_ALPHABET = 12;
    private static final String DIGITS = "0123456789";
    /** What a question says when the whole string is to match, anchors and all. */
    private static final List<String> WHOLE_STRING = List.of("exactly", "entire", "whole", "nothing but",
            "nothing else", "only of", "validate", "full match");
    /** What a question about lines says when it asks for a pattern found within them, not matching all of a line. */
    private static final List<String> SEARCHED = List.of("begin with", "begins with", "beginning with", "start with",
            "starts with", "starting with", "end with", "ends with", "ending with", "contain", "contains",
            "containing", "anywhere in");
    private static final String LETTERS = "abcxyzABCXYZ";

    private Patterns() {
    }

    /** SAME or DIFFERENT for two patterns of the kind the question asks for; {@code null} when not two patterns. */
    static Equivalence.Decision compare(String a, String b, Question question) {
        return compare(a, b, question, BUDGET);
    }

    /** {@link #compare} with a budget of {@code characters} read by the regular expressions, all samples together. */
    static Equivalence.Decision compare(String a, String b, Question question, int characters) {
        boolean glob = question.hasPhrase("glob") || question.hasPhrase("wildcard");
        if (!glob && !question.hasPhrase("regex") && !question.hasPhrase("regular expression")
                && !question.hasPhrase("regexp")) {
            return null;
        }
        String x = pattern(a);
        String y = pattern(b);
        if (x == null || y == null) {
            return null;
        }
        if (x.equals(y)) {
            return Equivalence.Decision.SAME;
        }
        Budget budget = new Budget(characters);
        // one anchored and the other not ("^\d{5}$" / "\d{5}") to a question that asks for a whole string ("a
        // string that is exactly …"): the anchors are what differs, so both are searched for in the string, as most
        // languages' search does, rather than matched against all of it
        // the same when the question asks for lines that begin, end with or contain something ("match lines that
        // begin with ERROR"): then "^ERROR" and "ERROR$" are searched for, as grep does, not matched against "ERROR"
        boolean search = !glob && ((startAnchored(x) != startAnchored(y) || endAnchored(x) != endAnchored(y))
                && wholeString(question) || searched(question));
        Predicate<String> one = matcher(x, glob, search, budget);
        Predicate<String> other = matcher(y, glob, search, budget);
        if (one == null || other == null) {
            return null;
        }
        try {
            // strings each pattern is written to match, tried on the other; then the fixed samples
            List<String> drawn = glob ? generated(false, globRegex(x), globRegex(y)) : generated(true, x, y);
            return differ(drawn, one, other) || differ(samples(x + y), one, other)
                    ? Equivalence.Decision.DIFFERENT : Equivalence.Decision.SAME;
        } catch (Budget.Spent e) {
            // a pattern that backtracks beyond the budget (written to, or not): left to the other rules
            return null;
        }
    }

    /** Whether one of the strings is matched by one pattern and not the other. */
    private static boolean differ(Iterable<String> strings, Predicate<String> one, Predicate<String> other) {
        for (String sample : strings) {
            if (one.test(sample) != other.test(sample)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The pattern an answer gives: the first span in backticks, else the whole answer when it has no space outside
     * brackets; without the slashes of a /…/ literal (and its flags) and the quotes around it. {@code null}: no
     * pattern.
     */
    static String pattern(String answer) {
        String text = answer.strip();
        int tick = text.indexOf('`');
        if (tick >= 0) {
            int end = text.indexOf('`', tick + 1);
            if (end < 0) {
                return null;
            }
            text = text.substring(tick + 1, end).strip();
        } else {
            if (text.endsWith(".") && !text.endsWith("\\.") && !text.endsWith("..")) {
                text = text.substring(0, text.length() - 1);
            }
            int depth = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                depth += c == '[' || c == '{' || c == '(' ? 1 : c == ']' || c == '}' || c == ')' ? -1 : 0;
                if (Character.isWhitespace(c) && depth <= 0) {
                    return null;
                }
            }
        }
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"))) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.length() >= 2 && text.startsWith("/")) {
            int end = text.lastIndexOf('/');
            String flags = text.substring(end + 1);
            if (end > 0 && flags.chars().allMatch(Character::isLetter)) {
                text = text.substring(1, end);
            }
        }
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return null;
        }
        // a repetition counted in the thousands ("a{100000}") would have each drawn string that long: no pattern here
        Matcher counts = COUNTED.matcher(text);
        while (counts.find()) {
            if (counts.group(1).length() > 2) {
                return null;
            }
        }
        return text;
    }

    /** Whether a question asks for a pattern that a whole string matches ("exactly", "entire", "nothing but"). */
    private static boolean wholeString(Question question) {
        for (String phrase : WHOLE_STRING) {
            if (question.hasPhrase(phrase)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a question asks for a pattern searched for in lines, as grep does ("match lines that start with …"; not
     * "a string that starts with …", which describes the whole string).
     */
    private static boolean searched(Question question) {
        if (!question.hasPhrase("lines") && !question.hasPhrase("line")) {
            return false;
        }
        for (String phrase : SEARCHED) {
            if (question.hasPhrase(phrase)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a regular expression is anchored at its start ("^…", "\A…"). */
    private static boolean startAnchored(String pattern) {
        return pattern.startsWith("^") || pattern.startsWith("\\A");
    }

    /**
     * Whether a regular expression is anchored at its end ("…$", "…\z"): each end apart, so that "^\d{5}" is not
     * "^\d{5}$" (it finds five digits at the start of "123456").
     */
    private static boolean endAnchored(String pattern) {
        return pattern.endsWith("$") && !pattern.endsWith("\\$") || pattern.endsWith("\\z")
                || pattern.endsWith("\\Z");
    }

    private static Predicate<String> matcher(String pattern, boolean glob, boolean search, Budget budget) {
        try {
            if (glob) {
                // the JDK reads a glob as a regular expression of its own, on the path's text
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
                return sample -> {
                    budget.spend(sample.length());
                    return sample.indexOf('/') < 0 && !sample.isEmpty() && printable(sample)
                            && matcher.matches(Path.of(sample));
                };
            }
            Pattern compiled = Pattern.compile(pattern);
            return search ? sample -> compiled.matcher(budget.counted(sample)).find()
                    : sample -> compiled.matcher(budget.counted(sample)).matches();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Strings each regular expression matches, and (when asked) strings near them that it does not, as RgxGen draws
     * them (with a seed, so the same for the same patterns; repetitions kept short); none for a pattern RgxGen cannot
     * read.
     */
    private static List<String> generated(boolean notMatching, String... patterns) {
        List<String> strings = new ArrayList<>();
        RgxGenProperties properties = new RgxGenProperties();
        RgxGenOption.INFINITE_PATTERN_REPETITION.setInProperties(properties, MAX_REPETITION);
        for (String pattern : patterns) {
            if (pattern == null) {
                continue;
            }
            try {
                RgxGen generator = RgxGen.parse(properties, pattern);
                Random random = new Random(pattern.hashCode());
                for (int k = 0; k < GENERATED; k++) {
                    strings.add(generator.generate(random));
                    if (notMatching && k % 2 == 0) {
                        strings.add(generator.generateNotMatching(random));
                    }
                }
            } catch (RuntimeException e) {
                // a construct RgxGen does not read (lookbehind, back references in some forms): the samples only
            }
        }
        return strings;
    }

    /**
     * A glob as a regular expression of what it matches in one file name, for RgxGen to draw from ("*.jp?g" is
     * "[^/]*\\.jp[^/]g"); {@code null} for a glob with brackets left open.
     */
    static String globRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        boolean inBraces = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '{' -> {
                    regex.append("(?:");
                    inBraces = true;
                }
                case '}' -> {
                    regex.append(')');
                    inBraces = false;
                }
                case ',' -> regex.append(inBraces ? "|" : ",");
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        return null;
                    }
                    String set = glob.substring(i + 1, end);
                    regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                    i = end;
                }
                default -> regex.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
            }
        }
        return inBraces ? null : regex.toString();
    }

    /** Whether a string is printable ASCII (a file name a glob is read against; others are no path here). */
    private static boolean printable(String sample) {
        for (int i = 0; i < sample.length(); i++) {
            if (sample.charAt(i) < ' ' || sample.charAt(i) > '~') {
                return false;
            }
        }
        return true;
    }

    /** The strings both patterns are run on, the same for the same patterns. */
    private static Set<String> samples(String patterns) {
        StringBuilder named = new StringBuilder();
        List<String> tokens = new ArrayList<>(List.of("0", "7", "00000", "a", "Z", "abc", " "));
        StringBuilder run = new StringBuilder();
        for (int i = 0; i <= patterns.length(); i++) {
            char c = i < patterns.length() ? patterns.charAt(i) : ' ';
            if (c >= ' ' && c < 0x7f && named.indexOf(String.valueOf(c)) < 0) {
                named.append(c);
            }
            if (Character.isLetterOrDigit(c)) {
                run.append(c);
            } else if (run.length() > 0) {
                // the letters and digits a pattern writes, as it writes them ("jpeg", "2024")
                tokens.add(run.toString());
                run.setLength(0);
            }
        }
        String small = named + "0a";
        String alphabet = COMMON + named;
        for (int i = 0; i < alphabet.length(); i++) {
            tokens.add(String.valueOf(alphabet.charAt(i)));
        }
        Set<String> samples = new LinkedHashSet<>();
        samples.add("");
        // every string of up to three characters over those the patterns name (up to two when they name many)
        int longest = small.length() <= SMALL_ALPHABET ? 3 : 2;
        List<String> level = List.of("");
        for (int length = 1; length <= longest; length++) {
            List<String> next = new ArrayList<>(level.size() * small.length());
            for (String prefix : level) {
                for (int i = 0; i < small.length(); i++) {
                    next.add(prefix + small.charAt(i));
                }
            }
            samples.addAll(next);
            level = next;
        }
        // longer strings: runs of one kind of character (digits only, letters only: a ZIP code, an identifier), and
        // the patterns' own words and characters put together ("x.jpeg", "--12")
        SplittableRandom random = new SplittableRandom(patterns.hashCode());
        for (int k = 0; k < SAMPLES; k++) {
            StringBuilder sample = new StringBuilder();
            if (k % 3 == 0) {
                String pool = k % 2 == 0 ? DIGITS : LETTERS;
                int length = 1 + random.nextInt(SAMPLE_LENGTH);
                for (int i = 0; i < length; i++) {
                    String from = random.nextInt(8) == 0 ? alphabet : pool;
                    sample.append(from.charAt(random.nextInt(from.length())));
                }
            } else {
                int count = 1 + random.nextInt(6);
                for (int i = 0; i < count && sample.length() < SAMPLE_LENGTH; i++) {
                    sample.append(tokens.get(random.nextInt(tokens.size())));
                }
            }
            samples.add(sample.toString());
        }
        return samples;
    }

    /**
     * The characters the regular expressions of one comparison may read, all samples together: a pattern that
     * backtracks ("(a+)+b") reads the same characters again and again, and is stopped when they are spent.
     */
    private static final class Budget {
        private int left;

        Budget(int characters) {
            this.left = characters;
        }

        void spend(int characters) {
            left -= characters;
            if (left < 0) {
                throw new Spent();
            }
        }

        CharSequence counted(String text) {
            return new CharSequence() {
                @Override
                public int length() {
                    return text.length();
                }

                @Override
                public char charAt(int index) {
                    spend(1);
                    return text.charAt(index);
                }

                @Override
                public CharSequence subSequence(int start, int end) {
                    return counted(text.substring(start, end));
                }

                @Override
                public String toString() {
                    return text;
                }
            };
        }

        static final class Spent extends RuntimeException {
            Spent() {
                super(null, null, false, false);
            }
        }
    }
}
