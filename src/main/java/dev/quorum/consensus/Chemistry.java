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
    /** Polyatomic ions named in prose, with their atoms. */
    private static final Map<String, Map<String, Integer>> IONS = Map.ofEntries(
            Map.entry("carbonate", Map.of("carbon", 1, "oxygen", 3)),
            Map.entry("bicarbonate", Map.of("hydrogen", 1, "carbon", 1, "oxygen", 3)),
            Map.entry("sulfate", Map.of("sulfur", 1, "oxygen", 4)), Map.entry("sulphate", Map.of("sulfur", 1, "oxygen", 4)),
            Map.entry("sulfite", Map.of("sulfur", 1, "oxygen", 3)), Map.entry("nitrate", Map.of("nitrogen", 1, "oxygen", 3)),
            Map.entry("nitrite", Map.of("nitrogen", 1, "oxygen", 2)),
            Map.entry("phosphate", Map.of("phosphorus", 1, "oxygen", 4)),
            Map.entry("hydroxide", Map.of("oxygen", 1, "hydrogen", 1)),
            Map.entry("ammonium", Map.of("nitrogen", 1, "hydrogen", 4)),
            Map.entry("chlorate", Map.of("chlorine", 1, "oxygen", 3)),
            Map.entry("permanganate", Map.of("manganese", 1, "oxygen", 4)),
            Map.entry("acetate", Map.of("carbon", 2, "hydrogen", 3, "oxygen", 2)));
    /** Common names of compounds and their formulas. */
    private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("water", "H2O"),
            Map.entry("methane", "CH4"), Map.entry("ethane", "C2H6"), Map.entry("propane", "C3H8"),
            Map.entry("butane", "C4H10"), Map.entry("ethanol", "C2H6O"), Map.entry("methanol", "CH4O"),
            Map.entry("glucose", "C6H12O6"), Map.entry("fructose", "C6H12O6"), Map.entry("sucrose", "C12H22O11"),
            Map.entry("ammonia", "NH3"), Map.entry("ozone", "O3"), Map.entry("hydrogen peroxide", "H2O2"),
            Map.entry("table salt", "NaCl"), Map.entry("baking soda", "NaHCO3"), Map.entry("sulfuric acid", "H2SO4"),
            Map.entry("sulphuric acid", "H2SO4"), Map.entry("hydrochloric acid", "HCl"), Map.entry("nitric acid", "HNO3"),
            Map.entry("acetic acid", "C2H4O2"), Map.entry("carbonic acid", "H2CO3"), Map.entry("laughing gas", "N2O"),
            Map.entry("nitrous oxide", "N2O"), Map.entry("nitric oxide", "NO"), Map.entry("quicklime", "CaO"),
            Map.entry("limestone", "CaCO3"), Map.entry("chalk", "CaCO3"), Map.entry("bleach", "NaClO"),
            Map.entry("caustic soda", "NaOH"), Map.entry("lye", "NaOH"), Map.entry("washing soda", "Na2CO3"));
    /**
     * The prefixes that say how many atoms of an element a compound's name has ("monoxide", "dichloride",
     * "tetroxide"), the longer of two spellings first.
     */
    private static final Map<String, Integer> COUNT_PREFIXES = orderedPrefixes("mono", 1, "mon", 1, "di", 2, "tri", 3,
            "tetra", 4, "tetr", 4, "penta", 5, "pent", 5, "hexa", 6, "hex", 6);
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
            {"oxide", "oxygen"}, {"fluoride", "fluorine"},
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

    private static Map<String, Integer> orderedPrefixes(Object... prefixThenCount) {
        Map<String, Integer> prefixes = new LinkedHashMap<>();
        for (int k = 0; k < prefixThenCount.length; k += 2) {
            prefixes.put((String) prefixThenCount[k], (Integer) prefixThenCount[k + 1]);
        }
        return prefixes;
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
        Map<String, Integer> formula = x != null ? x : y;
        Map<String, Integer> leading = leadingFormula(said);
        if (leading != null) {
            // a formula that opens the other answer is what it states ("O₃" / "O2, i.e. molecular oxygen")
            return leading.equals(formula) ? Equivalence.Decision.SAME : Equivalence.Decision.DIFFERENT;
        }
        // a common name ("methane", "baking soda") is its formula
        Map<String, Integer> named = named(said);
        if (named != null) {
            return named.equals(formula) ? Equivalence.Decision.SAME : Equivalence.Decision.DIFFERENT;
        }
        Map<String, Integer> stated = prose(said);
        if (stated == null) {
            return null;
        }
        if (!stated.keySet().equals(formula.keySet())) {
            // a short name of another compound ("NaCl" / "Potassium chloride": an element the formula does not have;
            // "NaHCO₃" / "sodium carbonate": a name of nothing but its parts that leaves one out)
            boolean other = !formula.keySet().containsAll(stated.keySet());
            List<String> words = AnswerText.words(said.toLowerCase(Locale.ROOT));
            return (other || compoundName(words)) && words.size() <= SHORT_PROSE ? Equivalence.Decision.DIFFERENT : null;
        }
        for (Map.Entry<String, Integer> element : stated.entrySet()) {
            if (element.getValue() > 0 && !element.getValue().equals(formula.get(element.getKey()))) {
                return Equivalence.Decision.DIFFERENT;
            }
        }
        return Equivalence.Decision.SAME;
    }

    /**
     * The elements and counts of an answer that is only a formula ("H2O", "`C6H12O6`", "$H_2O$", "NaCl."), else null.
     */
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
            } else if ("`*$_{}".indexOf(c) < 0) {
                // (Markdown and LaTeX marks: "`H2O`", "$H_2O$")
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
            int from = end;
            while (end < n && Character.isDigit(f.charAt(end))) {
                count = count * 10 + (f.charAt(end) - '0');
                end++;
                digit = true;
            }
            if (end > from && count < 2) {
                // a count of 0 or 1 is never written: "P0", "P1" and "A1" are labels
                return null;
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
     * A formula with a count that opens a longer answer, up to its first space or punctuation ("O2, i.e. molecular
     * oxygen", "CO₂ (carbon dioxide)"), else null; a word of capitals without a count ("He said", "No,") is no
     * formula here.
     */
    static Map<String, Integer> leadingFormula(String answer) {
        String text = answer.strip();
        int end = 0;
        boolean counted = false;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && ",;:(".indexOf(text.charAt(end)) < 0) {
            char c = text.charAt(end);
            counted |= Character.isDigit(c) || c >= '\u2080' && c <= '\u2089';
            end++;
        }
        return counted && end < text.length() ? formula(text.substring(0, end)) : null;
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
            Map<String, Integer> ion = IONS.get(word);
            if (ion != null) {
                // a polyatomic ion gives its atoms ("carbonate": one carbon, three oxygen)
                ion.forEach((name, count) -> stated.merge(name, count, Math::max));
                continue;
            }
            String element = DERIVED.get(word);
            if (element == null && word.endsWith("s")) {
                // "two hydrogens and one oxygen"
                element = DERIVED.get(word.substring(0, word.length() - 1));
            }
            int count = k > 0 ? count(words.get(k - 1)) : 0;
            Map.Entry<String, Integer> prefix = element == null ? countPrefix(word) : null;
            if (prefix != null) {
                // a count said by the name's prefix ("carbon monoxide", "dinitrogen tetroxide", "sulfur trioxide")
                element = DERIVED.get(word.substring(prefix.getKey().length()));
                count = prefix.getValue();
            }
            if (element == null) {
                continue;
            }
            Integer before = stated.get(element);
            stated.put(element, before == null ? count : Math.max(before, count));
        }
        return stated.isEmpty() ? null : stated;
    }

    /** The formula of an answer that is a common name and nothing more ("Methane.", "baking soda"), else null. */
    private static Map<String, Integer> named(String answer) {
        String text = answer.strip().toLowerCase(Locale.ROOT);
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        for (String article : new String[] {"the ", "a ", "an ", "it's ", "it is "}) {
            if (text.startsWith(article)) {
                text = text.substring(article.length());
            }
        }
        String formula = NAMED.get(text);
        return formula == null ? null : formula(formula);
    }

    /** Whether words are nothing but the names of elements and ions ("sodium carbonate", "iron oxide"). */
    private static boolean compoundName(List<String> words) {
        for (String word : words) {
            if (!DERIVED.containsKey(word) && countPrefix(word) == null && !IONS.containsKey(word)
                    && !word.equals("acid")) {
                return false;
            }
        }
        return words.size() >= 2;
    }

    /** The prefix that counts the atoms of the element a word names after it ("di" of "dioxide"), else null. */
    private static Map.Entry<String, Integer> countPrefix(String word) {
        for (Map.Entry<String, Integer> prefix : COUNT_PREFIXES.entrySet()) {
            if (word.startsWith(prefix.getKey()) && word.length() - prefix.getKey().length() >= 4
                    && DERIVED.containsKey(word.substring(prefix.getKey().length()))) {
                return prefix;
            }
        }
        return null;
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
