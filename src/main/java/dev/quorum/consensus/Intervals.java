package dev.quorum.consensus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What semantic voting reads from answers that give a range of real numbers: in interval notation ("(3, 7]",
 * "[0, ∞)") or as inequalities on one variable ("3 &lt; x ≤ 7", "all real x with x &gt; 0"). Two answers that each give
 * one range are the same when the ranges are, bounds and whether each bound is included alike.
 */
final class Intervals {

    private static final String NUMBER = "([-−]?\\d+(?:\\.\\d+)?)";
    private static final String INFINITY = "([-−+]?\\s*(?:∞|inf|infinity))";
    /** Interval notation, the whole answer: "(3, 7]", "[0, ∞)", "(-∞, 2)". */
    private static final Pattern NOTATION = Pattern.compile("^\\s*([\\[(])\\s*(?:" + NUMBER + "|" + INFINITY + ")\\s*,\\s*(?:"
            + NUMBER + "|" + INFINITY + ")\\s*([\\])])\\s*\\.?\\s*$");
    /** A double inequality: "3 &lt; x ≤ 7", "0 <= t < 1". */
    private static final Pattern BETWEEN = Pattern.compile(NUMBER + "\\s*(<=|≤|<)\\s*[a-zα-ω]\\s*(<=|≤|<)\\s*" + NUMBER);
    /** One bound: "x > 0", "x ≥ -2", "x <= 5". */
    private static final Pattern BOUND = Pattern.compile("(?<![\\w<>=≤≥])[a-zα-ω]\\s*(>=|≥|>|<=|≤|<)\\s*" + NUMBER
            + "(?!\\w|\\.\\d)");

    /** A range: its bounds (infinite when open-ended) and whether each is included. */
    record Range(double low, boolean lowIncluded, double high, boolean highIncluded) {
    }

    private Intervals() {
    }

    /** SAME or DIFFERENT when each answer gives one range, else {@code null}. */
    static Equivalence.Decision compare(String a, String b) {
        if (!notation(a) && !notation(b)) {
            // (two inequalities are compared as written by the other rules)
            return null;
        }
        Range x = range(a);
        Range y = x == null ? null : range(b);
        if (y == null) {
            return null;
        }
        return x.equals(y) ? Equivalence.Decision.SAME : Equivalence.Decision.DIFFERENT;
    }

    private static boolean notation(String text) {
        return NOTATION.matcher(text.toLowerCase(java.util.Locale.ROOT)).matches();
    }

    /** The one range an answer gives, else {@code null}. */
    static Range range(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        Matcher m = NOTATION.matcher(lower);
        if (m.matches()) {
            double low = m.group(2) != null ? number(m.group(2)) : infinity(m.group(3));
            double high = m.group(4) != null ? number(m.group(4)) : infinity(m.group(5));
            boolean lowIncluded = m.group(1).equals("[") && !Double.isInfinite(low);
            boolean highIncluded = m.group(6).equals("]") && !Double.isInfinite(high);
            return low < high ? new Range(low, lowIncluded, high, highIncluded) : null;
        }
        Matcher between = BETWEEN.matcher(lower);
        if (between.find()) {
            Range range = new Range(number(between.group(1)), !between.group(2).equals("<"),
                    number(between.group(4)), !between.group(3).equals("<"));
            return between.find() || range.low() >= range.high() ? null : range;
        }
        Matcher bound = BOUND.matcher(lower);
        if (!bound.find()) {
            return null;
        }
        String operator = bound.group(1);
        double value = number(bound.group(2));
        if (bound.find()) {
            return null;
        }
        boolean included = operator.length() > 1 || operator.equals("≥") || operator.equals("≤");
        return operator.startsWith(">") || operator.equals("≥")
                ? new Range(value, included, Double.POSITIVE_INFINITY, false)
                : new Range(Double.NEGATIVE_INFINITY, false, value, included);
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace('−', '-'));
    }

    private static double infinity(String text) {
        String sign = text.strip();
        return sign.startsWith("-") || sign.startsWith("−") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
}
