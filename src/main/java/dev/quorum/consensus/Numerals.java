package dev.quorum.consensus;

import java.util.Locale;

/**
 * Integers written in another numeral system, rewritten in decimal digits before an answer is read, so that the
 * numbers of {@link Quantities} compare them: Roman numerals ("MCMXCIV" is 1994) and integer literals in hexadecimal,
 * binary and octal ("0xFF", "0b11111111" and "0o377" are 255).
 *
 * <p>A Roman numeral is read only in capitals and in its canonical form (the one {@link #roman(int)} writes back), and
 * only where it can be nothing else: the whole answer, at least three letters ("MDXII."), or, when the question speaks
 * of Roman numerals, the whole answer or any such word of two letters or more (not the pronoun "I"). A regnal or sequel number inside a name ("Henry VIII", "Super Bowl LVII") stays
 * a word, and so do words that are also numerals ("MIX", "CD", "DIV" unless the question asks for Roman numerals).
 * A literal is read in either case, up to 16 hexadecimal, 64 binary or 21 octal digits (a 64-bit integer); a longer
 * one (an address, a hash) stays as written. To a question that asks for that system ("What's 13 in binary?") the
 * literal is its digits without the prefix, as an answer in that system writes them ("0b1101" is "1101").
 */
final class Numerals {

    private static final int MIN_ROMAN_ALONE = 3;
    private static final int MAX_ROMAN = 3999;
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
        boolean romanAsked = question.mentions("roman");
        String alone = Equivalence.withoutEndPunctuation(answer.strip());
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
            String token = answer.substring(i, end);
            String digits = literal(token, question);
            if (digits == null && (token.equals(alone) ? romanAsked || token.length() >= MIN_ROMAN_ALONE
                    : romanAsked && token.length() > 1)) {
                int value = romanValue(token);
                digits = value > 0 ? Integer.toString(value) : null;
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
    static String literal(String token, Question question) {
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
        if (asked(radix, question)) {
            return digits;
        }
        try {
            return Long.toUnsignedString(Long.parseUnsignedLong(digits.toLowerCase(Locale.ROOT), radix));
        } catch (NumberFormatException tooLarge) {
            // (21 octal digits can hold more than 64 bits)
            return null;
        }
    }

    private static boolean asked(int radix, Question question) {
        return switch (radix) {
            case 16 -> question.mentions(AnswerText.stem("hex")) || question.mentions(AnswerText.stem("hexadecimal"));
            case 2 -> question.mentions(AnswerText.stem("binary"));
            default -> question.mentions(AnswerText.stem("octal"));
        };
    }
}
