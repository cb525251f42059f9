package dev.quorum.consensus;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.parser.ParseException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Whether two short formulas are one expression written two ways ("n(n+1)/2" / "(n² + n)/2", "2^(1/2)" / "2^0.5"):
 * both are evaluated, by EvalEx, with the same values given to their variables at a few points, and are one when
 * they agree at every point. Only what reads as arithmetic on single-letter variables is evaluated: a logarithm of
 * no stated base, absolute-value bars, an equation, words ("two times x"), or anything EvalEx cannot parse leaves the
 * question open.
 */
final class Formulas {

    /** The longest formula evaluated, in characters. */
    private static final int MAX_CHARS = 40;
    /** The values the first variable takes, one per point; each further one takes them shifted by 0.71 more. */
    private static final double[] POINTS = {1.37, 2.91, 0.53};
    private static final MathContext PRECISION = new MathContext(20);
    /** Digits with commas between groups of three. */
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");
    /** The largest number a power may be raised to (2^63 − 1 is the largest signed 64-bit integer). */
    private static final int MAX_EXPONENT = 64;
    /** How far apart, relative to their size, two values may be and still be one. */
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-12");
    private static final ExpressionConfiguration CONFIGURATION = ExpressionConfiguration.builder()
            .mathContext(PRECISION).implicitMultiplicationAllowed(true).arraysAllowed(false)
            .structuresAllowed(false).build();
    /** Functions a formula may name, and EvalEx's names for them (its SIN takes degrees, SINR radians). */
    private static final Map<String, String> EVALEX_FUNCTIONS = Map.of("sin", "SINR", "cos", "COSR", "tan", "TANR",
            "sqrt", "SQRT", "exp", "EXP", "ln", "LOG");

    private Formulas() {
    }

    /**
     * {@code true} when both formulas evaluate to the same value at every point tried, {@code false} when they differ
     * at one, {@code null} when either is no formula this reads.
     */
    static Boolean sameValues(String one, String other) {
        Expression x = parsed(one);
        Expression y = x == null ? null : parsed(other);
        if (y == null) {
            return null;
        }
        Set<String> variables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        try {
            variables.addAll(x.getUsedVariables());
            variables.addAll(y.getUsedVariables());
        } catch (ParseException e) {
            return null;
        }
        for (int point = 0; point < POINTS.length; point++) {
            BigDecimal a = value(x, variables, point);
            BigDecimal b = value(y, variables, point);
            if (a == null || b == null || a.signum() == 0 || b.signum() == 0) {
                // (a zero may be a value rounded away: no judgement on it)
                return null;
            }
            // relative to their size, however small ("1.602 × 10^-19")
            BigDecimal scale = a.abs().max(b.abs());
            if (a.subtract(b).abs().compareTo(scale.multiply(TOLERANCE)) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether two equations ("F = ma" / "F = m*a") state one law: {@code true} when their sides are the same
     * (by value, or as one symbol written alike) or when one side over the other is the same expression in both
     * ("PV = nRT" / "P = nRT/V"); {@code false} when their left sides are the same and their right sides differ
     * ("KE = ½mv²" / "KE = m*v^2"); {@code null} otherwise (not two equations this reads, or rearranged beyond a
     * ratio).
     */
    static Boolean sameEquation(String one, String other) {
        String[] x = one.split("=", -1);
        String[] y = other.split("=", -1);
        if (x.length != 2 || y.length != 2) {
            return null;
        }
        boolean leftAlike = x[0].strip().equals(y[0].strip()) || Boolean.TRUE.equals(sameValues(x[0], y[0]));
        Boolean right = sameValues(x[1], y[1]);
        if (leftAlike && right != null) {
            return right;
        }
        if (Boolean.TRUE.equals(sameValues("(" + x[0] + ")/(" + x[1] + ")", "(" + y[0] + ")/(" + y[1] + ")"))) {
            return true;
        }
        return null;
    }

    /**
     * Whether two answers are the same number, one of them a factorial or a power worked out ("5!" / "5 × 4 × 3 × 2 ×
     * 1", "2^10" / "1024"), the other a number or arithmetic on numbers alone (products, powers, sums). A division is
     * left alone, and a subtraction but by a minus between spaces or in a power's text ("2^31 − 1"), as "2-3" and
     * "3/4" also write ranges and time signatures, and two products alone are not worked out ("2 × 4" / "8" may be a
     * size); {@code factorials}: the question asks for one, else "3!" is an exclamation.
     */
    static boolean sameNumber(String one, String other, boolean factorials) {
        return Boolean.TRUE.equals(workedOut(one, other, factorials));
    }

    /**
     * Whether a number worked out in one answer ("2^31 − 1", "5!") is the number the other writes or works out: TRUE,
     * FALSE where the other writes a number in digits, or null when neither works a power or a factorial out, either
     * is no number, or two workings differ. Whole numbers of fewer digits than a working keeps must be equal (2^63 − 1
     * is not 9,223,372,036,854,775,808); others within {@link #TOLERANCE}.
     */
    static Boolean workedOut(String one, String other, boolean factorials) {
        if (!raised(one, factorials) && !raised(other, factorials)) {
            return null;
        }
        BigDecimal written = plain(one);
        BigDecimal otherWritten = plain(other);
        BigDecimal x = written != null ? written : worked(one);
        BigDecimal y = otherWritten != null ? otherWritten : worked(other);
        if (x == null || y == null || x.signum() == 0 || y.signum() == 0) {
            return null;
        }
        // (exactly only below the digits a working keeps: 3^50 has 24, rounded to 20)
        boolean same = whole(x) && whole(y) && x.precision() < PRECISION.getPrecision()
                && y.precision() < PRECISION.getPrecision() ? x.compareTo(y) == 0
                : x.subtract(y).abs().compareTo(x.abs().max(y.abs()).multiply(TOLERANCE)) <= 0;
        // two workings that differ are left to the other rules ("6.022e23" is not read as a working of e)
        return same ? Boolean.TRUE : written != null || otherWritten != null ? Boolean.FALSE : null;
    }

    private static boolean whole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    /** Whether a text holds a power, or a factorial where the question asks for one. */
    private static boolean raised(String text, boolean factorials) {
        return text.indexOf('^') >= 0 || text.indexOf('\u00b2') >= 0 || text.indexOf('\u00b3') >= 0
                || factorials && text.indexOf('!') >= 0;
    }

    /**
     * The value of arithmetic on numbers alone, with no division, and subtraction only by a minus with a space on both
     * sides or in a power's text ("2^31 − 1", "2^31-1"; not "2024-05-01"); else null.
     */
    private static BigDecimal worked(String text) {
        String evaluable = evaluable(text);
        if (evaluable == null || evaluable.indexOf('-') >= 0 && !spacedMinus(text) || evaluable.indexOf('/') >= 0) {
            return null;
        }
        Expression expression = parsedEvaluable(evaluable);
        try {
            return expression == null || !expression.getUsedVariables().isEmpty() ? null
                    : expression.evaluate().getNumberValue();
        } catch (EvaluationException | ParseException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether every minus or hyphen of a text stands between spaces, an operator ("2^31 − 1"), or the text raises to a
     * power ("2^31−1": dates and ranges do not).
     */
    private static boolean spacedMinus(String text) {
        if (text.indexOf('^') >= 0) {
            return true;
        }
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' || c == '\u2212') {
                if (i == 0 || i + 1 >= text.length() || text.charAt(i - 1) != ' ' || text.charAt(i + 1) != ' ') {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** A number written alone in digits ("120", "120.", "2,147,483,647"); else null. */
    private static BigDecimal plain(String text) {
        String digits = text.strip();
        digits = digits.endsWith(".") ? digits.substring(0, digits.length() - 1) : digits;
        if (GROUPED.matcher(digits).matches()) {
            // thousands in groups of three ("2,147,483,647")
            digits = digits.replace(",", "");
        }
        if (digits.isEmpty() || digits.length() > MAX_CHARS) {
            return null;
        }
        for (int k = 0; k < digits.length(); k++) {
            if (!Character.isDigit(digits.charAt(k)) && digits.charAt(k) != '.') {
                return null;
            }
        }
        try {
            return new BigDecimal(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A formula as an EvalEx expression, parsed once for all the points; null when it is no formula this reads. */
    private static Expression parsed(String formula) {
        String evaluable = evaluable(formula);
        return evaluable == null ? null : parsedEvaluable(evaluable);
    }

    /** An expression already in EvalEx's syntax ({@link #evaluable}), parsed; null when EvalEx cannot parse it. */
    private static Expression parsedEvaluable(String evaluable) {
        try {
            Expression expression = new Expression(evaluable, CONFIGURATION);
            expression.validate();
            return expression;
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A formula in EvalEx's syntax: powers written out ("x²" is "x^2"), "·", "×" and "÷" as operators, "π" as "PI",
     * "½" as "(1/2)", "5!" as 120 (factorials of whole numbers up to twenty), a product written without its sign given
     * one ("2πr", "n(n+1)", "nRT" is "n*R*T"), the functions
     * sin, cos, tan, sqrt, exp and ln kept (also before one number or letter without brackets: "cos x", "ln 2"), "√"
     * as a square root ("√16", "√(x+1)"); null when it holds anything else, no operator, a variable in both cases
     * ("n" and "N": EvalEx reads them as one), or is longer than {@value #MAX_CHARS} characters.
     */
    static String evaluable(String formula) {
        String text = formula.strip();
        if (text.isEmpty() || text.length() > MAX_CHARS || text.indexOf('=') >= 0 || text.indexOf('|') >= 0) {
            return null;
        }
        // tokens, each with its kind: a value (number, variable, π or a closing bracket) or what opens one
        List<String> tokens = new ArrayList<>();
        List<Boolean> values = new ArrayList<>();
        boolean operator = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isAsciiLetter(c)) {
                int end = i;
                while (end < text.length() && isAsciiLetter(text.charAt(end))) {
                    end++;
                }
                String lower = text.substring(i, end).toLowerCase(Locale.ROOT);
                int argument = EVALEX_FUNCTIONS.containsKey(lower) && end + 1 < text.length()
                        && text.charAt(end) == ' ' ? operandEnd(text, end + 1) : -1;
                if (EVALEX_FUNCTIONS.containsKey(lower) && end < text.length() && text.charAt(end) == '(') {
                    add(tokens, values, EVALEX_FUNCTIONS.get(lower), false);
                    operator = true;
                } else if (argument > 0) {
                    // a function of one number or variable without brackets ("cos x", "ln 2")
                    applied(tokens, values, EVALEX_FUNCTIONS.get(lower), text.substring(end + 1, argument));
                    operator = true;
                    end = argument;
                } else if (lower.startsWith("log") || lower.length() > 3 || wordBefore(text, i)) {
                    // a logarithm whose base one reader takes as e and another as 10; prose ("two times x")
                    return null;
                } else {
                    for (int k = i; k < end; k++) {
                        add(tokens, values, String.valueOf(text.charAt(k)), true);
                    }
                }
                i = end;
                continue;
            }
            if (Character.isDigit(c) || c == '.') {
                int end = i;
                while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                    end++;
                }
                add(tokens, values, text.substring(i, end), true);
                i = end;
                continue;
            }
            i++;
            switch (c) {
                case ' ' -> {
                }
                case '!' -> {
                    // a factorial of a whole number up to twenty ("5!" is 120): its value in place of the number
                    int last = tokens.size() - 1;
                    if (last < 0 || !small(tokens.get(last)) || tokens.get(last).indexOf('.') >= 0
                            || i < text.length() && text.charAt(i) == '!') {
                        return null;
                    }
                    long factorial = 1;
                    for (int k = 2; k <= Integer.parseInt(tokens.get(last)); k++) {
                        factorial *= k;
                    }
                    tokens.set(last, Long.toString(factorial));
                    operator = true;
                }
                case '\u221a' -> {
                    // a square root of a bracket, a number or a variable ("√(x+1)", "√16", "√x")
                    int argument = operandEnd(text, i);
                    if (i < text.length() && text.charAt(i) == '(') {
                        add(tokens, values, "SQRT", false);
                    } else if (argument > 0) {
                        applied(tokens, values, "SQRT", text.substring(i, argument));
                        i = argument;
                    } else {
                        return null;
                    }
                    operator = true;
                }
                case '\u03c0' -> add(tokens, values, "PI", true);
                case '\u00bd' -> add(tokens, values, "(1/2)", true);
                case ')' -> add(tokens, values, ")", true);
                case '(' -> add(tokens, values, "(", false);
                case '\u00b2', '\u00b3' -> {
                    tokens.add(c == '\u00b2' ? "^2" : "^3");
                    values.add(true);
                    operator = true;
                }
                case '+', '^', '-', '\u2212', '*', '\u00b7', '\u00d7', '/', '\u00f7' -> {
                    tokens.add(c == '\u2212' ? "-" : c == '\u00b7' || c == '\u00d7' ? "*" : c == '\u00f7' ? "/"
                            : String.valueOf(c));
                    values.add(false);
                    operator = true;
                }
                default -> {
                    return null;
                }
            }
        }
        for (String token : tokens) {
            if (token.length() == 1 && Character.isLowerCase(token.charAt(0))
                    && tokens.contains(token.toUpperCase(Locale.ROOT))) {
                return null;
            }
        }
        if (!smallPowers(tokens)) {
            return null;
        }
        String expression = String.join("", tokens);
        // a negative power EvalEx rounds to 0 ("10^-34"): numbers in scientific notation are read as quantities
        if (expression.contains("^-") || expression.contains("^(-")) {
            return null;
        }
        return operator || tokens.size() > 1 ? expression : null;
    }

    /**
     * Whether every power is raised to a number of at most {@value #MAX_EXPONENT}, a variable, or a bracket of such
     * numbers ("2^(1/2)"): "9^99999999", "9^9^9" would hold the evaluator for as long as a hostile answer likes.
     */
    private static boolean smallPowers(List<String> tokens) {
        for (int k = 0; k < tokens.size(); k++) {
            if (!tokens.get(k).startsWith("^")) {
                continue;
            }
            if (tokens.get(k).length() > 1) {
                // a superscript square or cube, not raised again ("x²²²")
                if (k + 1 < tokens.size() && tokens.get(k + 1).startsWith("^")) {
                    return false;
                }
                continue;
            }
            if (k + 1 == tokens.size()) {
                return false;
            }
            String next = tokens.get(k + 1);
            int after = k + 2;
            if (next.equals("(")) {
                while (after < tokens.size() && !tokens.get(after).equals(")")) {
                    String inside = tokens.get(after);
                    if (!inside.equals("/") && !inside.equals("-") && !inside.equals("+") && !small(inside)) {
                        return false;
                    }
                    after++;
                }
                after++;
            } else if (!small(next) && !(next.length() == 1 && isAsciiLetter(next.charAt(0)))) {
                return false;
            }
            if (after < tokens.size() && tokens.get(after).startsWith("^")) {
                return false; // a tower of powers ("9^(9)^9")
            }
        }
        return true;
    }

    /** Whether a token is a number of at most {@value #MAX_EXPONENT}. */
    private static boolean small(String token) {
        if (token.isEmpty() || !Character.isDigit(token.charAt(0)) || token.length() > 6) {
            return false;
        }
        try {
            return Double.parseDouble(token) <= MAX_EXPONENT;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether letters end right before this one, but for spaces ("two times"). */
    private static boolean wordBefore(String text, int at) {
        int k = at - 1;
        while (k >= 0 && text.charAt(k) == ' ') {
            k--;
        }
        return k >= 0 && k < at - 1 && isAsciiLetter(text.charAt(k));
    }

    /** A token, with a "*" before it where it follows a value it multiplies ("2" "x", ")" "(", "x" "SQRT"). */
    /**
     * Where the operand of a function written without brackets ends: after a number or a single letter that nothing
     * follows which may belong to it (a letter, a digit, a bracket or a power); -1 when none starts at {@code start}.
     */
    private static int operandEnd(String text, int start) {
        int end = start;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
            end++;
        }
        if (end == start && start < text.length() && isAsciiLetter(text.charAt(start))) {
            end = start + 1;
        }
        // nothing that may belong to the operand after it: "sin x^2", "sin 2x", "sin x cos x" are left unread
        int next = end;
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        boolean more = next < text.length() && (Character.isLetterOrDigit(text.charAt(next))
                || text.charAt(next) == '^' || text.charAt(next) == '(' || text.charAt(next) == '\u00b2'
                || text.charAt(next) == '\u00b3');
        return end > start && !more ? end : -1;
    }

    /** A function applied to one operand: "SQRT", "(", the operand, ")". */
    private static void applied(List<String> tokens, List<Boolean> values, String function, String operand) {
        add(tokens, values, function, false);
        tokens.add("(");
        values.add(false);
        tokens.add(operand);
        values.add(true);
        tokens.add(")");
        values.add(true);
    }

    private static void add(List<String> tokens, List<Boolean> values, String token, boolean value) {
        boolean opens = value && !token.equals(")") || token.equals("(") || Character.isUpperCase(token.charAt(0))
                && token.length() > 1;
        if (!values.isEmpty() && values.get(values.size() - 1) && opens) {
            tokens.add("*");
            values.add(false);
        }
        tokens.add(token);
        values.add(value);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The formula's value with each variable given its value at a point; null when EvalEx cannot give one. */
    private static BigDecimal value(Expression expression, Set<String> variables, int point) {
        try {
            int k = 0;
            for (String variable : variables) {
                expression.with(variable, new BigDecimal(POINTS[point] + k * 0.71));
                k++;
            }
            return expression.evaluate().getNumberValue();
        } catch (EvaluationException | ParseException | RuntimeException e) {
            return null;
        }
    }
}
