package dev.quorum.consensus;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Electron configurations, for semantic voting's word rules ({@link Equivalence}): "1s² 2s² 2p⁴", "1s2 2s2 2p4" and
 * "[He] 2s^2 2p^4" are one configuration, read as the electrons in each subshell (a noble gas in brackets stands for
 * its own); "2p⁴" against "2p6" is another. Read only when both answers write at least two subshells (or a core and
 * one), so that a lone "2p" in prose decides nothing.
 */
final class Orbitals {

    /** A subshell and its electrons: "2p4", "2p⁴", "2p^4". */
    private static final Pattern SUBSHELL = Pattern.compile("(?<![\\w^])([1-7])([spdf])\\^?([0-9]{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})(?!\\w)");
    private static final Pattern CORE = Pattern.compile("\\[(He|Ne|Ar|Kr|Xe|Rn)]");
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    /** The electrons of each subshell of each noble gas, read once from their configurations. */
    private static final Map<String, Map<String, Integer>> CORES = Map.of("He", subshells("1s2"),
            "Ne", subshells("1s2 2s2 2p6"), "Ar", subshells("1s2 2s2 2p6 3s2 3p6"),
            "Kr", subshells("1s2 2s2 2p6 3s2 3p6 3d10 4s2 4p6"),
            "Xe", subshells("1s2 2s2 2p6 3s2 3p6 3d10 4s2 4p6 4d10 5s2 5p6"),
            "Rn", subshells("1s2 2s2 2p6 3s2 3p6 3d10 4s2 4p6 4d10 5s2 5p6 4f14 5d10 6s2 6p6"));
    /** Configurations are a line; longer answers are left to the other rules. */
    private static final int MAX_CHARS = 200;

    private Orbitals() {
    }

    /** Same or different configurations, or {@code null} when one of the answers writes none. */
    static Equivalence.Decision compare(String a, String b) {
        Map<String, Integer> x = configuration(a);
        Map<String, Integer> y = x == null ? null : configuration(b);
        if (y == null) {
            return null;
        }
        return x.equals(y) ? Equivalence.Decision.SAME : Equivalence.Decision.DIFFERENT;
    }

    /** The electrons of each subshell an answer writes, or {@code null} when it writes no configuration. */
    static Map<String, Integer> configuration(String text) {
        if (text.length() > MAX_CHARS || text.indexOf('s') < 0) {
            return null;
        }
        Map<String, Integer> electrons = new TreeMap<>();
        int read = 0;
        Matcher core = CORE.matcher(text);
        if (core.find()) {
            electrons.putAll(CORES.get(core.group(1)));
            read++;
            if (core.find()) {
                // two cores: a comparison of elements, not one configuration
                return null;
            }
        }
        Matcher subshell = SUBSHELL.matcher(text);
        Set<String> written = new HashSet<>();
        while (subshell.find()) {
            String name = subshell.group(1) + subshell.group(2);
            if (!written.add(name)) {
                // the same subshell twice: two configurations in one answer
                return null;
            }
            electrons.put(name, count(subshell.group(3)));
            read++;
        }
        return read >= 2 && electrons.size() >= 2 ? electrons : null;
    }

    private static Map<String, Integer> subshells(String configuration) {
        Map<String, Integer> electrons = new TreeMap<>();
        for (String subshell : configuration.split(" ")) {
            electrons.put(subshell.substring(0, 2), Integer.parseInt(subshell.substring(2)));
        }
        return Map.copyOf(electrons);
    }

    private static int count(String digits) {
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int superscript = SUPERSCRIPTS.indexOf(c);
            value = value * 10 + (superscript >= 0 ? superscript : c - '0');
        }
        return value;
    }
}
