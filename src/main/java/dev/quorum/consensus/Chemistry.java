package dev.quorum.consensus;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chemical formulas against the prose for them, for semantic voting's word rules ({@link Equivalence}): "H2O" (also
 * "H₂O") is read as two hydrogen and one oxygen, and a sentence that names the same elements ("two hydrogen atoms
 * bonded to one oxygen atom", "sodium chloride") with the same counts where it gives them states the same formula; a
 * count that differs ("H2O2" / "two hydrogen atoms and one oxygen atom") is another. A small table of the common
 * elements; anything it does not cover is left to the other rules.
 */
final class Chemistry {

    private static final Map<String, String> ELEMENTS = new HashMap<>();
    /** The element an -ide (or other derived) word names: "chloride" is chlorine. */
    private static final Map<String, String> DERIVED = new HashMap<>();
    /** Prose of at most this many words that names another element names another compound. */
    private static final int SHORT_PROSE = 8;
    /** Superscript digits, each at the index of its value. */
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    static {
        String[][] table = {{"H", "hydrogen"}, {"He", "helium"}, {"Li", "lithium"}, {"Be", "beryllium"},
            {"B", "boron"}, {"C", "carbon"}, {"N", "nitrogen"}, {"O", "oxygen"}, {"F", "fluorine"}, {"Ne", "neon"},
            {"Na", "sodium"}, {"Mg", "magnesium"}, {"Al", "aluminium"}, {"Si", "silicon"}, {"P", "phosphorus"},
            {"S", "sulfur"}, {"Cl", "chlorine"}, {"Ar", "argon"}, {"K", "potassium"}, {"Ca", "calcium"},
            {"Fe", "iron"}, {"Cu", "copper"}, {"Zn", "zinc"}, {"Ag", "silver"}, {"Au", "gold"}, {"Br", "bromine"},
            {"I", "iodine"}, {"Mn", "manganese"}, {"Cr", "chromium"}, {"Ni", "nickel"}, {"Co", "cobalt"},
            {"Pb", "lead"}, {"Sn", "tin"}, {"Hg", "mercury"}, {"U", "uranium"}, {"Ti", "titanium"}};
        for (String[] element : table) {
            ELEMENTS.put(element[0], element[1]);
        }
        String[][] derived = {{"hydride", "hydrogen"}, {"carbide", "carbon"}, {"nitride", "nitrogen"},
            {"oxide", "oxygen"}, {"dioxide", "oxygen"}, {"monoxide", "oxygen"}, {"fluoride", "fluorine"},
            {"chloride", "chlorine"}, {"bromide", "bromine"}, {"iodide", "iodine"}, {"sulfide", "sulfur"},
            {"sulphide", "sulfur"}, {"sulphur", "sulfur"}, {"aluminum", "aluminium"}, {"phosphide", "phosphorus"}};
        for (String[] word : derived) {
            DERIVED.put(word[0], word[1]);
        }
        for (String name : ELEMENTS.values()) {
            DERIVED.put(name, name);
        }
    }

    private Chemistry() {
    }

    /** SAME, DIFFERENT, or {@code null} when neither answer is a formula or the prose does not name its elements. */
    static Equivalence.Decision compare(String a, String b) {
        Map<String, Integer> x = formula(a);
        Map<String, Integer> y = formula(b);
        if (x == null && y == null) {
            return null;
        }
        if (x != null && y != null) {
            return x.equals(y) ? Equivalence.Decision.SAME : Equivalence.Decision.DIFFERENT;
        }
        String said = x != null ? b : a;
        Map<String, Integer> stated = prose(said);
        Map<String, Integer> formula = x != null ? x : y;
        if (stated == null) {
            return null;
        }
        if (!stated.keySet().equals(formula.keySet())) {
            // a short name of another compound ("NaCl" / "Potassium chloride"): an element the formula does not have
            boolean other = !formula.keySet().containsAll(stated.keySet());
            return other && AnswerText.words(said.toLowerCase(Locale.ROOT)).size() <= SHORT_PROSE
                    ? Equivalence.Decision.DIFFERENT : null;
        }
        for (Map.Entry<String, Integer> element : stated.entrySet()) {
            if (element.getValue() > 0 && !element.getValue().equals(formula.get(element.getKey()))) {
                return Equivalence.Decision.DIFFERENT;
            }
        }
        return Equivalence.Decision.SAME;
    }

    /** The elements and counts of an answer that is only a formula ("H2O", "`C6H12O6`", "NaCl."), else null. */
    static Map<String, Integer> formula(String answer) {
        String text = answer.strip();
        if (text.length() > 30) {
            return null;
        }
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u2080' && c <= '\u2089') {
                plain.append((char) ('0' + c - '\u2080'));
            } else if (c != '`' && c != '*') {
                plain.append(c);
            }
        }
        String f = plain.toString();
        if (f.endsWith(".")) {
            f = f.substring(0, f.length() - 1);
        }
        // an ion's charge after it: "NO2−", "NO₃⁻", "SO₄²⁻", "NH4+", "Fe^3+"
        int charge = 0;
        if (!f.isEmpty()) {
            char last = f.charAt(f.length() - 1);
            int sign = last == '+' || last == '⁺' ? 1 : last == '-' || last == '−' || last == '⁻' ? -1 : 0;
            if (sign != 0) {
                int end = f.length() - 1;
                int magnitude = 0;
                int place = 1;
                while (end > 0 && SUPERSCRIPTS.indexOf(f.charAt(end - 1)) >= 0) {
                    magnitude += SUPERSCRIPTS.indexOf(f.charAt(end - 1)) * place;
                    place *= 10;
                    end--;
                }
                if (end > 0 && f.charAt(end - 1) == '^') {
                    end--;
                }
                charge = sign * Math.max(1, magnitude);
                f = f.substring(0, end).strip();
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        int i = 0;
        int n = f.length();
        boolean digit = false;
        while (i < n) {
            char c = f.charAt(i);
            if (c < 'A' || c > 'Z') {
                return null;
            }
            int end = i + 1;
            if (end < n && f.charAt(end) >= 'a' && f.charAt(end) <= 'z') {
                end++;
            }
            String name = ELEMENTS.get(f.substring(i, end));
            if (name == null) {
                return null;
            }
            int count = 0;
            while (end < n && Character.isDigit(f.charAt(end))) {
                count = count * 10 + (f.charAt(end) - '0');
                end++;
                digit = true;
            }
            counts.merge(name, Math.max(1, count), Integer::sum);
            i = end;
        }
        // one capital alone ("C", "I", "B") is a letter, not a formula
        if (counts.isEmpty() || counts.size() < 2 && !digit && charge == 0) {
            return null;
        }
        if (charge != 0) {
            counts.put("charge", charge);
        }
        return counts;
    }

    /**
     * The elements a sentence names with the count before each (a digit, a number word, "a", "one", "single"), 0
     * when it gives none; {@code null} when it names none.
     */
    static Map<String, Integer> prose(String answer) {
        List<String> words = AnswerText.words(answer.toLowerCase(Locale.ROOT));
        Map<String, Integer> stated = new LinkedHashMap<>();
        for (int k = 0; k < words.size(); k++) {
            String word = words.get(k);
            String element = DERIVED.get(word);
            if (element == null && word.endsWith("s")) {
                // "two hydrogens and one oxygen"
                element = DERIVED.get(word.substring(0, word.length() - 1));
            }
            if (element == null) {
                continue;
            }
            int count = k > 0 ? count(words.get(k - 1)) : 0;
            if (count == 0 && words.get(k).startsWith("di") && words.get(k).endsWith("oxide")) {
                count = 2;
            }
            Integer before = stated.get(element);
            stated.put(element, before == null ? count : Math.max(before, count));
        }
        return stated.isEmpty() ? null : stated;
    }

    private static int count(String word) {
        return switch (word) {
            case "a", "an", "one", "single", "1", "monatomic" -> 1;
            case "two", "2", "diatomic" -> 2;
            case "three", "3", "triatomic" -> 3;
            case "four", "4" -> 4;
            case "five", "5" -> 5;
            case "six", "6" -> 6;
            case "seven", "7" -> 7;
            case "eight", "8" -> 8;
            case "nine", "9" -> 9;
            case "ten", "10" -> 10;
            case "eleven", "11" -> 11;
            case "twelve", "12" -> 12;
            default -> 0;
        };
    }
}
