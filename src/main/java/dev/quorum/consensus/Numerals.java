package dev.quorum.consensus;

import java.util.Locale;
import java.util.Set;

/**
 * Integers written in another numeral system, rewritten in decimal digits before an answer is read, so that the
 * numbers of {@link Quantities} compare them: Roman numerals ("MCMXCIV" is 1994) and integer literals in hexadecimal,
 * binary and octal ("0xFF", "0b11111111" and "0o377" are 255).
 *
 * <p>A Roman numeral is read only in capitals and in its canonical form (the one {@link #roman(int)} writes back), and
 * only where a number is asked for: as the whole answer when the question asks for Roman numerals, or, of three
 * letters or more, when it asks for a year or a number ("In what year …": "MDXII."); and as any word of two letters
 * or more (not the pronoun "I") when the question asks for Roman numerals. A regnal or sequel number inside a name
 * ("Henry VIII", "Super Bowl LVII") stays a word, and so does a whole answer to any other question ("MIX", "DIV",
 * "LXX").
 *
 * <p>A literal is read in either case, up to 16 hexadecimal, 64 binary or 21 octal digits (a 64-bit integer), where it
 * stands as a number of its own; a longer one (an address, a hash) and one inside a dotted, colon-separated or marked
 * token ("0x1.8", "fe80::0b01", "#0b0000") stay as written. To a question that asks for the answer in that system
 * ("What's 13 in binary?", "the hex value of …") the literal is its digits without the prefix, as an answer in that
 * system writes them ("0b1101" is "1101").
 */
final class Numerals {

    private static final int MIN_ROMAN_ALONE = 3;
    /** Words of a question that asks for a number, to which a whole Roman numeral answers ("In what year …"). */
    private static final Set<String> NUMBER_QUESTIONS = Set.of("year", "years", "when", "number", "many", "much",
            "century", "centuries");
    private static final String[] ASKED_BEFORE = {"in ", "to ", "into ", "as "};
    private static final String[] ASKED_AFTER = {" value", " representation", " form", " notation", " equivalent"};
    private static final int MAX_ROMAN = 3999;
    /** The letters a Roman numeral is written in, in capitals. */
    private static final String ROMAN_LETTERS = "IVXLCDM";
    private static final int[] VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    private static final String[] SYMBOLS = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};

    private Numerals() {
    }

    /**
     * The answer with its Roman numerals and integer literals in decimal digits, or the answer itself when it has none.
     */
    static String decimal(String answer, Question question) {
        if (answer.isEmpty()) {
            return answer;
        }
        String asked = question.lowerText();
        boolean romanAsked = asked.contains("roman numeral");
        String alone = null;
        StringBuilder out = null;
        int n = answer.length();
        int i = 0;
        while (i < n) {
            char c = answer.charAt(i);
            if (!Character.isLetterOrDigit(c) || i > 0 && Character.isLetterOrDigit(answer.charAt(i - 1))) {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int end = i;
            while (end < n && Character.isLetterOrDigit(answer.charAt(end))) {
                end++;
            }
            if (c != '0' && ROMAN_LETTERS.indexOf(c) < 0) {
                // (no literal, no numeral: most words, kept without a copy)
                if (out != null) {
                    out.append(answer, i, end);
                }
                i = end;
                continue;
            }
            String token = answer.substring(i, end);
            String digits = standsAlone(answer, i, end) ? literal(token, asked) : null;
            if (digits == null && ROMAN_LETTERS.indexOf(c) >= 0) {
                if (alone == null) {
                    alone = Equivalence.withoutEndPunctuation(answer.strip());
                }
                if (token.equals(alone) ? romanAsked || token.length() >= MIN_ROMAN_ALONE && numberAsked(asked)
                        : romanAsked && token.length() > 1) {
                    int value = romanValue(token);
                    digits = value > 0 ? Integer.toString(value) : null;
                }
            }
            if (digits != null && out == null) {
                out = new StringBuilder(n + 8).append(answer, 0, i);
            }
            if (out != null) {
                out.append(digits != null ? digits : token);
            }
            i = end;
        }
        return out == null ? answer : out.toString();
    }

    /** Whether a question (in lower case) asks for a year or a number ({@link #NUMBER_QUESTIONS}). */
    private static boolean numberAsked(String asked) {
        for (String word : AnswerText.words(asked)) {
            if (NUMBER_QUESTIONS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The value of a Roman numeral in capitals written canonically ("MCMXCIV": 1994), else 0. */
    static int romanValue(String token) {
        if (token.isEmpty() || token.length() > 15) {
            return 0;
        }
        int value = 0;
        int at = 0;
        for (int k = 0; k < VALUES.length && at < token.length(); k++) {
            while (token.startsWith(SYMBOLS[k], at)) {
                value += VALUES[k];
                at += SYMBOLS[k].length();
            }
        }
        // canonical only: "IIII", "VX", "IC" are no numerals ("MIM" neither)
        return at == token.length() && value <= MAX_ROMAN && roman(value).equals(token) ? value : 0;
    }

    /** A number from 1 to 3999 as a Roman numeral in capitals. */
    static String roman(int value) {
        StringBuilder out = new StringBuilder();
        int rest = value;
        for (int k = 0; k < VALUES.length; k++) {
            while (rest >= VALUES[k]) {
                out.append(SYMBOLS[k]);
                rest -= VALUES[k];
            }
        }
        return out.toString();
    }

    /**
     * An integer literal ("0xff", "0B1010", "0o17") in decimal digits, else null; its digits as written when the
     * question asks for that system ("What's 13 in binary?": "0b1101" is "1101").
     */
    static String literal(String token, String asked) {
        if (token.length() < 3 || token.charAt(0) != '0') {
            return null;
        }
        char prefix = Character.toLowerCase(token.charAt(1));
        int radix = prefix == 'x' ? 16 : prefix == 'b' ? 2 : prefix == 'o' ? 8 : 0;
        int maxDigits = radix == 16 ? 16 : radix == 2 ? 64 : 21;
        String digits = token.substring(2);
        if (radix == 0 || digits.length() > maxDigits) {
            return null;
        }
        for (int k = 0; k < digits.length(); k++) {
            if (Character.digit(digits.charAt(k), radix) < 0) {
                return null;
            }
        }
        if (askedIn(radix, asked)) {
            return digits;
        }
        try {
            return Long.toUnsignedString(Long.parseUnsignedLong(digits.toLowerCase(Locale.ROOT), radix));
        } catch (NumberFormatException tooLarge) {
            // (21 octal digits can hold more than 64 bits)
            return null;
        }
    }

    /**
     * Whether a question asks for its answer in a numeral system: "in binary", "to hex", "as octal", "the hexadecimal
     * value", "binary representation"; not a question that only names the system ("a single hexadecimal digit").
     */
    private static boolean askedIn(int radix, String asked) {
        String[] names = radix == 16 ? new String[] {"hex", "hexadecimal"} : radix == 2 ? new String[] {"binary"}
                : new String[] {"octal"};
        for (String name : names) {
            for (String before : ASKED_BEFORE) {
                if (asked.contains(before + name + " ") || asked.endsWith(before + name)
                        || asked.contains(before + name + "?")) {
                    return true;
                }
            }
            for (String after : ASKED_AFTER) {
                if (asked.contains(name + after)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a literal stands as a number of its own: not inside a dotted, colon-separated or marked token ("0x1.8",
     * a hexadecimal fraction; "fe80::0b01", an address; "#0b0000").
     */
    private static boolean standsAlone(String text, int start, int end) {
        char before = start == 0 ? ' ' : text.charAt(start - 1);
        if (!Character.isWhitespace(before) && "([{=,;+-*<>\"'`".indexOf(before) < 0) {
            return false;
        }
        return end + 1 >= text.length() || !(text.charAt(end) == '.' || text.charAt(end) == ':')
                || !Character.isLetterOrDigit(text.charAt(end + 1));
    }
}
