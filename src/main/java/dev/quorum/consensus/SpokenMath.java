package dev.quorum.consensus;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short answer in mathematical notation against one that says mathematics in words, for semantic voting's word
 * rules ({@link Equivalence}): what each says of powers ("x³" / "x squared"), of multiplying or dividing ("F = ma" /
 * "force equals mass divided by acceleration"), of a sign ("−sin x" / "the sine of x") and of a bound ("age &lt; 18"
 * / "at most 18"). Where both say something of one of these and it differs, they differ; otherwise nothing is
 * decided here (the words need not say everything the notation does). Beside other powers, a power the question
 * itself writes is left out ("the derivative of x cubed is three x squared": 2). A formula said wholly in words
 * ("two times x") is also written out as notation ({@link #formula}), for {@link Formulas} to evaluate against the other.
 */
final class SpokenMath {

    private static final int MAX_WORDS = 12;
    private static final String SYMBOLS = "^=<>/*×÷·−∞≤≥±√∑∫";
    private static final Pattern POWER = Pattern.compile("\\^\\(?(-?\\d+)");
    private static final Pattern POWER_WORDS = Pattern.compile(
            "\\bto the (?:power of )?(\\w+)(?: power)?\\b|\\b(squared|cubed)\\b");
    private static final Map<String, Integer> POWER_NAMES = Map.ofEntries(Map.entry("squared", 2),
            Map.entry("cubed", 3), Map.entry("two", 2), Map.entry("second", 2), Map.entry("three", 3),
            Map.entry("third", 3), Map.entry("four", 4), Map.entry("fourth", 4), Map.entry("five", 5),
            Map.entry("fifth", 5), Map.entry("six", 6), Map.entry("sixth", 6), Map.entry("ten", 10),
            Map.entry("tenth", 10), Map.entry("n", -1000), Map.entry("nth", -1000));
    /** Single letters written side by side after an equals sign ("= ma", "= πr"): a product. */
    private static final Pattern IMPLICIT_PRODUCT = Pattern.compile("=\\s*[\\p{L}]{2,3}\\b");

    private static final Pattern SIGNED = Pattern.compile("-\\d");

    private SpokenMath() {
    }

    /** The largest number word a formula said in words uses. */
    private static final int MAX_NUMBER_WORD = 12;
    /** Operators said in one word, and in two. */
    private static final Map<String, String> OPERATOR_WORDS = Map.of("times", "*", "plus", "+", "minus", "-", "over",
            "/", "squared", "^2", "cubed", "^3");
    private static final Map<String, String> OPERATOR_PAIRS = Map.of("multiplied by", "*", "divided by", "/",
            "half of", "(1/2)*");
    /** Where a sentence says what something is: the formula follows the last of these. */
    private static final Pattern STATING = Pattern.compile("\\b(?:is|equals|is equal to|gives)\\s");
    /** Where a sentence says that one side is the other ("force equals …", "… is …"). */
    private static final Pattern EQUATING = Pattern.compile("\\s(?:equals|is equal to|is)\\s");
    /**
     * Quantities of physics and finance by the symbols their laws are written in ("mass": m, "the gas constant": R); a
     * symbol may stand for two quantities ("V": voltage and volume), as it does in the laws themselves.
     */
    private static final Map<String, String> QUANTITY_SYMBOLS = Map.ofEntries(Map.entry("force", "F"),
            Map.entry("mass", "m"), Map.entry("acceleration", "a"), Map.entry("acceleration due to gravity", "g"),
            Map.entry("gravitational acceleration", "g"), Map.entry("voltage", "V"),
            Map.entry("potential difference", "V"), Map.entry("current", "I"), Map.entry("resistance", "R"),
            Map.entry("pressure", "P"), Map.entry("volume", "V"), Map.entry("temperature", "T"),
            Map.entry("absolute temperature", "T"), Map.entry("number of moles", "n"), Map.entry("moles", "n"),
            Map.entry("gas constant", "R"), Map.entry("ideal gas constant", "R"),
            Map.entry("universal gas constant", "R"), Map.entry("kinetic energy", "KE"),
            Map.entry("potential energy", "PE"), Map.entry("energy", "E"), Map.entry("velocity", "v"),
            Map.entry("speed", "v"), Map.entry("speed of light", "c"), Map.entry("power", "P"),
            Map.entry("work", "W"), Map.entry("distance", "d"), Map.entry("time", "t"), Map.entry("momentum", "p"),
            Map.entry("charge", "q"), Map.entry("frequency", "f"), Map.entry("area", "A"), Map.entry("height", "h"),
            Map.entry("length", "l"), Map.entry("width", "w"), Map.entry("radius", "r"),
            Map.entry("principal", "P"), Map.entry("weight", "W"), Map.entry("displacement", "s"),
            Map.entry("spring constant", "k"), Map.entry("heat", "Q"), Map.entry("specific heat capacity", "c"),
            Map.entry("specific heat", "c"));
    /** The most words of a formula said in words. */
    private static final int MAX_FORMULA_WORDS = 16;
    /** The longest sentence read for a formula said in words. */
    private static final int MAX_FORMULA_CHARS = 200;

    /**
     * A formula said in words, in the notation {@link Formulas} evaluates ("two times x": "2*x", "half of n times (n
     * plus one)": "(1/2)*n*(n+1)"), read after the last "is" or "equals" of a sentence; {@code null} unless every word
     * is a single-letter variable, a number up to twelve, "pi", a bracket or an operator said in words ("times",
     * "plus", "minus", "divided by", "over", "squared", "cubed", "to the power of", "half of"). A comma, whose grouping
     * speech leaves open ("n times n plus one, divided by two"), reads as nothing.
     */
    static String formula(String lower) {
        if (lower.length() > MAX_FORMULA_CHARS) {
            return null;
        }
        String text = withoutFinalStop(lower);
        Matcher stating = STATING.matcher(text);
        int from = 0;
        while (stating.find()) {
            from = stating.end();
        }
        String[] words = text.substring(from).replace("(", " ( ").replace(")", " ) ").strip().split("\\s+");
        if (words.length > MAX_FORMULA_WORDS || text.indexOf(',') >= 0) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        boolean operator = false;
        boolean operand = false;
        for (int k = 0; k < words.length; k++) {
            String word = words[k];
            String next = k + 1 < words.length ? words[k + 1] : "";
            Integer number = Quantities.smallNumber(word);
            if (k == 0 && (word.equals("it's") || word.equals("the"))) {
                continue;
            }
            if (number != null && number <= MAX_NUMBER_WORD) {
                out.append(number);
                operand = true;
            } else if (word.length() == 1 && Character.isLetter(word.charAt(0)) || word.equals("pi")) {
                out.append(word.equals("pi") ? "π" : word);
                operand = true;
            } else if (word.equals("(") || word.equals(")")) {
                out.append(word);
            } else if (OPERATOR_PAIRS.containsKey(word + " " + next)) {
                out.append(OPERATOR_PAIRS.get(word + " " + next));
                k++;
                operator = true;
            } else if (OPERATOR_WORDS.containsKey(word)) {
                out.append(OPERATOR_WORDS.get(word));
                operator = true;
            } else {
                return null;
            }
        }
        return operator && operand ? out.toString() : null;
    }

    /**
     * A law said in words, as an equation in notation, its quantities by their usual symbols ("Force equals mass times
     * acceleration.": "F = m*a", "Pressure times volume equals the number of moles times the gas constant times the
     * absolute temperature.": "P*V = n*R*T"); {@code null} unless the sentence is one "equals" or "is" between two
     * sides made only of named quantities ({@link #QUANTITY_SYMBOLS}), single letters, numbers up to twelve,
     * "half", brackets and operators said in words.
     */
    static String equation(String lower) {
        if (lower.length() > MAX_FORMULA_CHARS || lower.indexOf(',') >= 0 || lower.indexOf(';') >= 0) {
            return null;
        }
        String text = withoutFinalStop(lower);
        Matcher stating = EQUATING.matcher(text);
        if (!stating.find()) {
            return null;
        }
        int at = stating.start();
        int end = stating.end();
        if (stating.find()) {
            return null;
        }
        String left = side(text.substring(0, at));
        String right = left == null ? null : side(text.substring(end));
        return right == null ? null : left + " = " + right;
    }

    /**
     * One side of a law said in words alone ("mass times velocity squared": "m*v^2"), in notation; {@code null} unless
     * it names a quantity of {@link #QUANTITY_SYMBOLS} and says an operator.
     */
    static String lawSide(String lower) {
        if (lower.length() > MAX_FORMULA_CHARS || lower.indexOf(',') >= 0 || lower.indexOf(';') >= 0
                || EQUATING.matcher(lower).find()) {
            return null;
        }
        String text = withoutFinalStop(lower);
        String side = text.isEmpty() ? null : side(text);
        return side != null && side.chars().anyMatch(c -> "*/+-^".indexOf(c) >= 0) ? side : null;
    }

    /** A sentence without the spaces around it and the full stops or exclamation marks it ends with. */
    private static String withoutFinalStop(String lower) {
        String text = lower.strip();
        while (!text.isEmpty() && (text.endsWith(".") || text.endsWith("!"))) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    /** One side of a law said in words, in notation; null when a word is none a side may hold. */
    private static String side(String words) {
        String[] tokens = words.replace("(", " ( ").replace(")", " ) ").strip().split("\\s+");
        if (tokens.length > MAX_FORMULA_WORDS || tokens[0].isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        boolean operand = false;
        boolean named = false;
        for (int k = 0; k < tokens.length; k++) {
            String word = tokens[k];
            boolean oneHalf = word.equals("one") && k + 1 < tokens.length && tokens[k + 1].equals("half");
            if (word.equals("the") || word.equals("a") || word.equals("its") || oneHalf) {
                continue;
            }
            String symbol = null;
            int length = 0;
            for (int n = Math.min(4, tokens.length - k); n >= 1 && symbol == null; n--) {
                symbol = QUANTITY_SYMBOLS.get(String.join(" ", Arrays.copyOfRange(tokens, k, k + n)));
                length = n;
            }
            String next = k + 1 < tokens.length ? tokens[k + 1] : "";
            Integer number = Quantities.smallNumber(word);
            String operand1 = symbol != null ? symbol : word.equals("half") ? "(1/2)"
                    : number != null && number <= MAX_NUMBER_WORD ? String.valueOf(number)
                    : word.length() == 1 && Character.isLetter(word.charAt(0)) ? word : null;
            if (operand1 != null) {
                // side by side with the operand before it ("one half mass"): a product
                out.append(operand ? "*" : "").append(operand1);
                operand = true;
                named |= symbol != null;
                k += symbol != null ? length - 1 : 0;
            } else if (word.equals("(") || word.equals(")")) {
                out.append(word);
                operand = word.equals(")");
            } else if (OPERATOR_PAIRS.containsKey(word + " " + next)) {
                out.append(OPERATOR_PAIRS.get(word + " " + next));
                operand = false;
                k++;
            } else if (OPERATOR_WORDS.containsKey(word)) {
                String operator = OPERATOR_WORDS.get(word);
                out.append(operator);
                operand = operator.startsWith("^");
            } else {
                return null;
            }
        }
        return named || out.length() > 0 && operand ? out.toString() : null;
    }

    private static int lettered(String lower) {
        int words = 0;
        for (String word : AnswerText.words(lower)) {
            words += word.chars().allMatch(Character::isLetter) ? 1 : 0;
        }
        return words;
    }

    /** DIFFERENT when the notation and the words say different things of one of the four; else {@code null}. */
    static Equivalence.Decision compare(String a, String b, Question question) {
        return compareLower(AnswerText.lower(a), AnswerText.lower(b), question);
    }

    /** {@link #compare} of two answers already lower-cased by {@link AnswerText#lower}. */
    static Equivalence.Decision compareLower(String x, String y, Question question) {
        boolean xNotation = notation(x);
        boolean yNotation = notation(y);
        if (xNotation == yNotation) {
            return null;
        }
        String symbols = xNotation ? x : y;
        String words = xNotation ? y : x;
        if (AnswerText.words(words).size() > MAX_WORDS || AnswerText.words(symbols).size() > MAX_WORDS
                || lettered(words) < 2 || SIGNED.matcher(words).find()) {
            // (words are words: "(-3, 3)" is notation too)
            return null;
        }
        String asked = question.text() == null ? "" : AnswerText.lower(question.text());
        Set<Integer> writtenPowers = powers(symbols);
        Set<Integer> saidPowers = spokenPowers(words);
        Set<Integer> askedPowers = powers(asked);
        askedPowers.addAll(spokenPowers(asked));
        if (writtenPowers.size() > 1) {
            writtenPowers.removeAll(askedPowers);
        }
        if (saidPowers.size() > 1) {
            saidPowers.removeAll(askedPowers);
        }
        if (!writtenPowers.isEmpty() && !saidPowers.isEmpty() && !writtenPowers.equals(saidPowers)) {
            return Equivalence.Decision.DIFFERENT;
        }
        // a power on one side only ("πr²" / "two times pi times the radius", "2πr" / "pi times r squared"), unless
        // the words multiply a thing by itself ("x times x")
        boolean variablePower = VARIABLE_POWER.matcher(symbols).find();
        if (variablePower == saidPowers.isEmpty() && (variablePower || writtenPowers.isEmpty())
                && !REPEATED_PRODUCT.matcher(words).find()) {
            return Equivalence.Decision.DIFFERENT;
        }
        String written = operation(symbols.indexOf('/') >= 0 || symbols.indexOf('÷') >= 0,
                symbols.indexOf('×') >= 0 || symbols.indexOf('*') >= 0 || symbols.indexOf('·') >= 0
                        || IMPLICIT_PRODUCT.matcher(symbols).find());
        String said = operation(words.contains("divided by") || words.contains(" over ") || words.contains("ratio of"),
                words.contains("times") || words.contains("multiplied by") || words.contains("product of"));
        if (written != null && said != null && !written.equals(said)) {
            return Equivalence.Decision.DIFFERENT;
        }
        boolean negative = leadingMinus(symbols);
        boolean saidNegative = words.contains("minus") || words.contains("negative") || words.contains("negated");
        if (negative != saidNegative && (negative || !symbols.contains("±"))) {
            return Equivalence.Decision.DIFFERENT;
        }
        String bound = bound(symbols);
        String saidBound = saidBound(words);
        return bound != null && saidBound != null && !bound.equals(saidBound) ? Equivalence.Decision.DIFFERENT : null;
    }

    private static boolean notation(String lower) {
        String text = lower.strip();
        if (text.length() > 1 && text.charAt(0) == '-' && Character.isLetterOrDigit(text.charAt(1))) {
            return true;
        }
        for (int i = 0; i < lower.length(); i++) {
            if (SYMBOLS.indexOf(lower.charAt(i)) >= 0) {
                return true;
            }
        }
        // a function written as its abbreviation: "cos x", "ln(t)"
        return FUNCTION.matcher(text).matches();
    }

    /**
     * A power of a variable ("πr²", "3x^2", "x³"; not of ten, "10^23", nor of a unit, "75 m²", "m/s²"): a letter
     * right after a digit, π, a bracket or an operator, or at the start, and then its power.
     */
    private static final Pattern VARIABLE_POWER = Pattern.compile("(?:^|[\\dπ(=*·×+\\-])[a-z](?:²|³|\\^\\d)");
    /** A thing multiplied by itself in words ("x times x", "r times r"): a power said without its word. */
    private static final Pattern REPEATED_PRODUCT = Pattern.compile("\\b(\\p{L}+) times (?:the )?\\1\\b");
    /** A function's abbreviation applied to a variable, alone ("cos x", "sin(θ)", "ln t."). */
    private static final Pattern FUNCTION = Pattern.compile(
            "(?:sin|cos|tan|sec|csc|cot|sinh|cosh|tanh|ln|log|exp|sqrt)\\s*(?:\\(\\s*\\p{L}\\s*\\)|\\p{L})\\.?");

    private static Set<Integer> powers(String lower) {
        Set<Integer> powers = new HashSet<>();
        Matcher m = POWER.matcher(lower);
        while (m.find()) {
            powers.add(Integer.parseInt(m.group(1)));
        }
        return powers;
    }

    private static Set<Integer> spokenPowers(String lower) {
        Set<Integer> powers = new HashSet<>();
        Matcher m = POWER_WORDS.matcher(lower);
        while (m.find()) {
            String word = m.group(1) != null ? m.group(1) : m.group(2);
            Integer power = POWER_NAMES.get(word);
            if (power == null && word.chars().allMatch(Character::isDigit) && word.length() <= 3) {
                power = Integer.parseInt(word);
            }
            if (power != null) {
                powers.add(power);
            }
        }
        return powers;
    }

    private static String operation(boolean divides, boolean multiplies) {
        return divides == multiplies ? null : divides ? "divide" : "multiply";
    }

    /** A minus the answer opens with, or right after its equals sign ("−sin x", "f'(x) = −sin x"). */
    private static boolean leadingMinus(String lower) {
        String rest = lower.strip();
        int equals = rest.lastIndexOf('=');
        if (equals >= 0) {
            rest = rest.substring(equals + 1).strip();
        }
        return rest.startsWith("-") || rest.startsWith("−");
    }

    private static String bound(String lower) {
        if (lower.contains("≤") || lower.contains("<=")) {
            return "at most";
        }
        if (lower.contains("≥") || lower.contains(">=")) {
            return "at least";
        }
        if (lower.contains("<")) {
            return "below";
        }
        return lower.contains(">") ? "above" : null;
    }

    private static String saidBound(String lower) {
        for (List<String> bound : List.of(List.of("at most", "at most"), List.of("no more than", "at most"),
                List.of("or less", "at most"), List.of("or fewer", "at most"), List.of("up to", "at most"),
                List.of("less than or equal", "at most"), List.of("at least", "at least"),
                List.of("no less than", "at least"), List.of("or more", "at least"),
                List.of("greater than or equal", "at least"), List.of("less than", "below"), List.of("under", "below"),
                List.of("below", "below"), List.of("younger than", "below"), List.of("fewer than", "below"),
                List.of("more than", "above"), List.of("greater than", "above"), List.of("over", "above"),
                List.of("above", "above"), List.of("older than", "above"))) {
            if (lower.contains(bound.get(0))) {
                return bound.get(1);
            }
        }
        return null;
    }
}
