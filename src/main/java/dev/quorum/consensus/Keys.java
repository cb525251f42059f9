package dev.quorum.consensus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Key combinations ("Ctrl+C", "Control-C", "Cmd + Shift + T", "⌘Z") and file extensions (".docx") that answers name,
 * for semantic voting's word rules ({@link Equivalence}). A combination is read in one form, its modifiers by their
 * usual names in a fixed order and its key in lower case, so "Ctrl + C" and "Control-C" are one combination and
 * "Ctrl+X" another; the words alone cannot tell them apart ("c" and "x" are no words, and "Ctrl" against "Control" reads
 * as one name put in place of another).
 */
final class Keys {

    /** Meta, which is Alt in Emacs and the Windows or Command key elsewhere: read, but never told apart from those. */
    private static final String META = "meta";
    /** The modifiers as written, by the name they are read as. */
    private static final Map<String, String> MODIFIERS = Map.ofEntries(Map.entry("ctrl", "ctrl"),
            Map.entry("control", "ctrl"), Map.entry("ctl", "ctrl"), Map.entry("⌃", "ctrl"), Map.entry("cmd", "cmd"),
            Map.entry("command", "cmd"), Map.entry("⌘", "cmd"), Map.entry("alt", "alt"), Map.entry("option", "alt"),
            Map.entry("opt", "alt"), Map.entry("⌥", "alt"), Map.entry("shift", "shift"), Map.entry("⇧", "shift"),
            Map.entry("win", "win"), Map.entry("windows", "win"), Map.entry("super", "win"), Map.entry("meta", META),
            Map.entry("fn", "fn"));
    /** Keys named by a word, by the name they are read as. */
    private static final Map<String, String> NAMED_KEYS = Map.ofEntries(Map.entry("return", "enter"),
            Map.entry("escape", "esc"), Map.entry("del", "delete"), Map.entry("ins", "insert"),
            Map.entry("pageup", "pgup"), Map.entry("pagedown", "pgdn"), Map.entry("spacebar", "space"),
            Map.entry("↑", "up"), Map.entry("↓", "down"), Map.entry("←", "left"), Map.entry("→", "right"));
    /**
     * Modifiers that are words of their own before a hyphen ("option-B", "Win-7", "super-G"): joined by "+", or by "-"
     * only to another modifier ("Option-Command-Esc").
     */
    private static final List<String> PLUS_JOINED = List.of("option", "opt", "win", "windows", "super");
    /** The names of the modifiers joined by "+" or "-", as a pattern. */
    private static final String MODIFIER = names(false);
    /** The names of the modifiers joined by "+" only ({@link #PLUS_JOINED}), as a pattern. */
    private static final String PLUS_MODIFIER = names(true);
    /** "key" or "logo key" after a modifier's name ("Windows key + Shift + S", "Command key + 4"). */
    private static final String KEY_WORD = "(?:\\s++(?:logo\\s++)?key)?";
    private static final String KEY = "(?:f1[0-2]|f[1-9]|enter|return|tab|space|spacebar|esc|escape|delete|del"
            + "|backspace|home|end|insert|ins|page ?up|page ?down|pgup|pgdn|up|down|left|right|[a-z0-9]|[\\[\\]\\\\;',./`=]"
            + "|[↑↓←→])";
    /**
     * One or more modifiers, each joined to what follows by "+" or "-" (a symbol needs no joiner), then a key; not
     * inside a word ("Alt" in "Altair"), nor before one ("Ctrl+Cmd" is no key).
     */
    private static final Pattern CHORD = Pattern.compile("(?<![\\p{L}\\p{N}])((?:" + MODIFIER + KEY_WORD
            + "\\s*+[+-]\\s*+|" + PLUS_MODIFIER + KEY_WORD + "\\s*+(?:\\+|-(?=\\s*+(?:" + MODIFIER + "|"
            + PLUS_MODIFIER + ")))\\s*+|[⌘⌥⇧⌃]\\s*+\\+?\\s*+)++)(" + KEY + ")(?![\\p{L}\\p{N}])");
    private static final Pattern MODIFIER_NAME = Pattern.compile(PLUS_MODIFIER + "|" + MODIFIER + "|[⌘⌥⇧⌃]");
    /** The letters of the longest modifier's name ("command", "windows"). */
    private static final int MODIFIER_LETTERS = MODIFIERS.keySet().stream().mapToInt(String::length).max().orElse(0);
    /** An answer longer than this is no file extension alone. */
    private static final int BARE_EXTENSION_CHARS = 40;
    /** The order modifiers are written in, once read. */
    private static final List<String> ORDER = List.of("ctrl", "alt", "shift", "cmd", "win", "meta", "fn");
    /**
     * A file extension standing alone: a dot, a letter, then one to five letters or digits, maybe a second such part
     * after another dot (".tar.gz").
     */
    private static final Pattern EXTENSION = Pattern.compile("(?<![\\p{L}\\p{N}.])\\.(\\p{L}[\\p{L}\\p{N}]{1,5}"
            + "(?:\\.\\p{L}[\\p{L}\\p{N}]{1,3})?)(?![\\p{L}\\p{N}])");
    /** Words that set a key combination aside ("Not Ctrl+V; use Ctrl+Shift+V", "Unlike Ctrl+V, …"). */
    private static final Pattern SET_ASIDE = Pattern.compile("(?i)\\b(?:not|unlike|instead|never|don't|rather|except|but"
            + "|only)\\b|n't\\b");
    /** Extensions of one format, by the one they are read as. */
    private static final Map<String, String> SAME_FORMAT = Map.of("jpeg", "jpg", "htm", "html", "yml", "yaml",
            "tiff", "tif", "mpeg", "mpg", "tgz", "tar.gz", "markdown", "md");
    /** Words around a key combination or an extension that say nothing more ("Press Ctrl+C.", "Use .docx"). */
    private static final Pattern BARE_WORDS = Pattern.compile("(?i)\\b(?:press|hit|use|type|it's|it is|the|a|an|key"
            + "|keys|shortcut|extension|file|format|combination|together|simultaneously)\\b");

    private Keys() {
    }

    /**
     * The modifiers' names written in letters ({@link #MODIFIERS}), those joined by "+" only or the others, as one
     * alternation, the longest first.
     */
    private static String names(boolean plusJoined) {
        return MODIFIERS.keySet().stream().filter(name -> Character.isLetter(name.charAt(0)))
                .filter(name -> PLUS_JOINED.contains(name) == plusJoined)
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(name -> name))
                .collect(Collectors.joining("|", "(?:", ")"));
    }

    /**
     * Two answers that both name key combinations: DIFFERENT when they name none in common (Meta aside); SAME when one
     * is combinations alone and the other opens with all of them and sets none aside ("not", "but", "only", "n't" …),
     * or both are the same combinations alone; DIFFERENT when both are combinations alone and differ. Two answers of
     * which one is a file extension alone: DIFFERENT when the other names other extensions and not it (as an
     * extension, a word or in a file's name), SAME when the other is the same extension alone. {@code null} otherwise.
     */
    static Equivalence.Verdict compare(String a, String b) {
        List<String> x = chords(a);
        List<String> y = x.isEmpty() ? List.of() : chords(b);
        if (!x.isEmpty() && !y.isEmpty()) {
            if (x.stream().noneMatch(y::contains) && !meta(x) && !meta(y)) {
                return new Equivalence.Verdict(Equivalence.Decision.DIFFERENT,
                        "another key combination: " + x.get(0) + " / " + y.get(0));
            }
            // both alone and equal, or one alone and the other opening with all of it, none set aside ("Not Ctrl+V;
            // use …" is not "Ctrl+V")
            boolean first = bare(a, CHORD);
            boolean second = bare(b, CHORD);
            if (first && second ? x.equals(y) : first && opens(y, x) && !SET_ASIDE.matcher(b).find()
                    || second && opens(x, y) && !SET_ASIDE.matcher(a).find()) {
                return new Equivalence.Verdict(Equivalence.Decision.SAME, "the same key combination");
            }
            // two sequences given alone that differ ("Ctrl-X Ctrl-C" / "Ctrl-X Ctrl-S", "Ctrl+K, Ctrl+C" / "Ctrl+K")
            return first && second && !meta(x) && !meta(y) ? new Equivalence.Verdict(Equivalence.Decision.DIFFERENT,
                    "another key sequence: " + String.join(" ", x) + " / " + String.join(" ", y)) : null;
        }
        boolean alone = extensionAlone(a);
        if (!alone && !extensionAlone(b)) {
            return null;
        }
        String own = extensions(alone ? a : b).get(0);
        List<String> other = extensions(alone ? b : a);
        if (other.isEmpty()) {
            return null;
        }
        if (!other.contains(own) && !namedAsWord(alone ? b : a, own)) {
            // (not when the other names it as a word: "Excel saves XLSX files, not .xls")
            return new Equivalence.Verdict(Equivalence.Decision.DIFFERENT,
                    "another file extension: ." + own + " / ." + other.get(0));
        }
        return extensionAlone(alone ? b : a)
                ? new Equivalence.Verdict(Equivalence.Decision.SAME, "the same file extension") : null;
    }

    /** Whether a text is one file extension and nothing more ("Use .docx."), read only when it is short. */
    private static boolean extensionAlone(String text) {
        return text.length() <= BARE_EXTENSION_CHARS && dotted(text) && extensions(text).size() == 1
                && bare(text, EXTENSION);
    }

    /** Whether a dot opens a word somewhere in a text (a cheap test before the pattern: "Paris." has none). */
    private static boolean dotted(String text) {
        for (int i = text.indexOf('.'); i >= 0 && i + 1 < text.length(); i = text.indexOf('.', i + 1)) {
            if ((i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '.')
                    && Character.isLetter(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key combinations a text names in its first {@value Equivalence#MAX_READ} characters (what the word rules
     * read; the pattern tries each modifier in a run of them), in order, each read in one form ("ctrl+shift+t").
     */
    static List<String> chords(String text) {
        if (!joined(text)) {
            return List.of();
        }
        List<String> found = new ArrayList<>(2);
        Matcher chord = CHORD.matcher(read(text));
        while (chord.find()) {
            TreeSet<String> held = new TreeSet<>((p, q) -> Integer.compare(ORDER.indexOf(p), ORDER.indexOf(q)));
            Matcher modifier = MODIFIER_NAME.matcher(chord.group(1));
            while (modifier.find()) {
                held.add(MODIFIERS.get(modifier.group()));
            }
            String key = chord.group(2).replace(" ", "");
            found.add(String.join("+", held) + "+" + NAMED_KEYS.getOrDefault(key, key));
        }
        return found;
    }

    /**
     * The file extensions a text names standing alone in its first {@value Equivalence#MAX_READ} characters, in lower
     * case without the dot, in order.
     */
    static List<String> extensions(String text) {
        if (text.indexOf('.') < 0) {
            return List.of();
        }
        List<String> found = new ArrayList<>(1);
        Matcher extension = EXTENSION.matcher(read(text));
        while (extension.find()) {
            found.add(SAME_FORMAT.getOrDefault(extension.group(1), extension.group(1)));
        }
        return found;
    }

    /** Whether {@code all} opens with the combinations of {@code first}, in order. */
    private static boolean opens(List<String> all, List<String> first) {
        return all.size() >= first.size() && all.subList(0, first.size()).equals(first);
    }

    /** Whether a combination holds Meta, which may be read as more than one key. */
    private static boolean meta(List<String> chords) {
        for (String chord : chords) {
            if (chord.startsWith(META + "+") || chord.contains("+" + META + "+")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a text names an extension (without its dot, any spelling of its format) as a word of its own. */
    private static boolean namedAsWord(String text, String extension) {
        String lower = read(text);
        for (Map.Entry<String, String> format : SAME_FORMAT.entrySet()) {
            if (format.getValue().equals(extension) && word(lower, format.getKey())) {
                return true;
            }
        }
        return word(lower, extension);
    }

    private static boolean word(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            // (not inside a dotted name: "tar" of ".tar.gz"; but a file's name with it: "notes.txt")
            if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)) && (text.charAt(at - 1) != '.'
                    || at >= 2 && Character.isLetterOrDigit(text.charAt(at - 2))))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && !(text.charAt(end) == '.'
                    && end + 1 < text.length() && Character.isLetter(text.charAt(end + 1))))) {
                return true;
            }
        }
        return false;
    }

    private static String read(String text) {
        return (text.length() > Equivalence.MAX_READ ? text.substring(0, Equivalence.MAX_READ) : text)
                .toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a text may hold a key combination, a cheap test before the pattern: a modifier's symbol, or a "+" or "-"
     * after a modifier's name (and spaces) in its first {@value Equivalence#MAX_READ} characters.
     */
    private static boolean joined(String text) {
        int n = Math.min(text.length(), Equivalence.MAX_READ);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '⌘' || c == '⌥' || c == '⇧' || c == '⌃') {
                return true;
            }
            if ((c == '+' || c == '-') && modifierBefore(text, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a modifier's name (maybe with "key" or "logo key" after it) and spaces end right before {@code at}. */
    private static boolean modifierBefore(String text, int at) {
        int end = at;
        for (int words = 0; words < 3; words++) {
            while (end > 0 && text.charAt(end - 1) == ' ') {
                end--;
            }
            int start = end;
            while (start > 0 && Character.isLetter(text.charAt(start - 1)) && end - start < MODIFIER_LETTERS) {
                start--;
            }
            String word = text.substring(start, end).toLowerCase(Locale.ROOT);
            if (MODIFIERS.containsKey(word)) {
                return true;
            }
            if (start == end || !word.equals("key") && !word.equals("logo")) {
                return false;
            }
            end = start;
        }
        return false;
    }

    /** Whether a text is what {@code pattern} finds and nothing more, but for words that add nothing and punctuation. */
    private static boolean bare(String text, Pattern pattern) {
        String rest = BARE_WORDS.matcher(pattern.matcher(read(text)).replaceAll(" ")).replaceAll(" ");
        for (int i = 0; i < rest.length(); i++) {
            if (Character.isLetterOrDigit(rest.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
