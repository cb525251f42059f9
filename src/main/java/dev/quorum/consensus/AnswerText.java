package dev.quorum.consensus;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word-level reading of an answer that majority keys and semantic grouping share: the text in lower case with its
 * punctuation ({@link #lower}), its words with contractions spelled out ({@link #words}: "isn't" is "is not"), a light
 * stem for matching inflections, stop words, negation cues, a small lexicon of opposites, and the yes or no an answer
 * opens with ({@link #stance}). Hand-written and regex-free: it runs on every answer of every vote.
 */
final class AnswerText {

    /** What an answer opens with: an explicit yes or no (and where the rest of the answer starts), or neither. */
    record Stance(String value, int rest) {
        static final Stance NONE = new Stance(null, 0);

        boolean present() {
            return value != null;
        }
    }

    private static final Set<String> STOPWORDS = new HashSet<>(List.of(
            "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing",
            "have", "has", "had", "having", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "into",
            "onto", "upon", "about", "and", "or", "but", "so", "if", "then", "than", "that", "this", "these", "those",
            "it", "its", "it's", "they", "them", "their", "there", "here", "he", "him", "his", "she", "her", "hers",
            "we", "us", "our", "you", "your", "i", "me", "my", "mine", "which", "what", "who", "whom", "whose", "when",
            "where", "why", "how", "can", "could", "will", "would", "shall", "should", "may", "might", "must", "also",
            "just", "only", "very", "really", "quite", "some", "any", "each", "every", "all", "both", "such", "own",
            "same", "other", "another", "more", "most", "much", "many", "one", "ones", "its", "itself", "out", "up",
            "over", "under", "again", "further", "once", "while", "during", "because", "since", "until", "via", "per",
            "around", "roughly", "approximately", "about", "usually", "generally", "typically", "actually",
            "basically", "simply", "i'd", "say", "think", "believe", "answer", "correct", "yes", "called", "known",
            "mainly", "mostly", "therefore", "thus", "hence", "however", "indeed", "like", "well", "way", "get", "got",
            "s", "t", "d", "ll", "re", "ve", "m", "still", "already", "yet", "ever", "exactly", "certainly",
            "probably", "likely", "perhaps", "maybe", "rather", "fairly", "pretty", "too", "clearly"));

    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "none", "nobody", "nothing", "neither",
            "nor", "without", "nowhere", "non", "cannot", "unable", "lack", "lacks", "unlikely");

    private static final Map<String, Set<String>> OPPOSITES = new HashMap<>();
    /**
     * Verbs of a measure going up, and down (their stems; irregular past forms written out; not the verbs that are
     * mostly nouns elsewhere: "sink", "tank", "rocket"): {@link #direction}.
     */
    private static final Set<String> UP = stems("rise rises rose risen rising climb climbed climbing jump jumped "
            + "jumping soar soared soaring surge surged surging rally rallied rallying skyrocket skyrocketed "
            + "skyrocketing leap leapt leaped leaping");
    private static final Set<String> DOWN = stems("fall falls fell fallen falling drop dropped dropping plunge "
            + "plunged plunging plummet plummeted plummeting tumble tumbled tumbling slide slid sliding slump slumped "
            + "slumping crash crashed crashing nosedive nosedived");

    /** Prefixes of opposite sense ({@link #contrasted}). */
    private static final String[][] CONTRASTED_PREFIXES = {{"inter", "extra"}, {"intra", "extra"}, {"over", "under"},
        {"hyper", "hypo"}, {"pre", "post"}, {"endo", "exo"}, {"up", "down"}, {"micro", "macro"}, {"sub", "super"}};
    /** What {@link #contrasted} stems share after their prefixes, at least ("extrapol" / "interpol"). */
    private static final int MIN_CONTRASTED_REST = 3;

    static {
        String[][] pairs = {
            {"positive", "negative"}, {"true", "false"}, {"increase", "decrease"}, {"increase", "reduce"},
            {"raise", "cut"}, {"raise", "lower"}, {"rise", "fall"}, {"rise", "drop"}, {"up", "down"},
            {"high", "low"}, {"more", "less"}, {"most", "least"}, {"allow", "block"}, {"allow", "deny"},
            {"allow", "forbid"}, {"allow", "prohibit"}, {"permit", "block"}, {"accept", "reject"}, {"approve", "reject"},
            {"approve", "deny"}, {"add", "remove"}, {"add", "drop"}, {"add", "delete"}, {"open", "close"},
            {"open", "closed"}, {"over", "under"}, {"on", "off"}, {"enable", "disable"}, {"left", "right"}, {"before", "after"}, {"above", "below"},
            {"first", "last"}, {"minimum", "maximum"}, {"min", "max"}, {"success", "failure"}, {"succeed", "fail"},
            {"pass", "fail"}, {"win", "lose"}, {"won", "lost"}, {"buy", "sell"}, {"benign", "malignant"},
            {"safe", "dangerous"}, {"safe", "unsafe"}, {"fast", "slow"}, {"cheap", "expensive"}, {"frequent", "rare"},
            {"long", "short"}, {"hot", "cold"}, {"inside", "outside"}, {"include", "exclude"}, {"always", "never"},
            {"all", "none"}, {"same", "different"}, {"start", "end"}, {"start", "stop"}, {"encrypt", "decrypt"},
            {"import", "export"}, {"input", "output"}, {"upload", "download"}, {"push", "pull"}, {"strong", "weak"},
            {"early", "late"}, {"easy", "hard"}, {"light", "heavy"}, {"large", "small"}, {"big", "small"},
            {"north", "south"}, {"kingside", "queenside"}, {"east", "west"}, {"ascend", "descend"},
            {"public", "private"}, {"read", "write"},
            {"valid", "invalid"}, {"legal", "illegal"}, {"possible", "impossible"}, {"correct", "incorrect"},
            {"correct", "wrong"}, {"right", "wrong"}, {"present", "absent"}, {"odd", "even"}, {"alive", "dead"},
            {"synchronous", "asynchronous"}, {"mutable", "immutable"}, {"visible", "invisible"}, {"inbound", "outbound"},
            {"incoming", "outgoing"}, {"gain", "loss"}, {"profit", "loss"}, {"strength", "weakness"},
            {"expand", "shrink"}, {"grow", "shrink"}, {"before", "afterwards"}, {"toxic", "harmless"},
            {"prime", "composite"}, {"guilty", "innocent"}, {"full", "empty"}, {"wet", "dry"}, {"online", "offline"},
            {"open", "shut"}, {"permanent", "temporary"}, {"required", "optional"},
            {"mandatory", "optional"}, {"vulnerable", "safe"}, {"vulnerable", "secure"}, {"insert", "remove"},
            {"insert", "delete"}, {"create", "destroy"}, {"create", "delete"}, {"add", "subtract"}, {"push", "pop"},
            {"enqueue", "dequeue"}, {"encode", "decode"}, {"compress", "decompress"}, {"uphold", "overturn"},
            {"upheld", "overturn"}, {"affirm", "overturn"}, {"affirm", "reverse"}, {"confirm", "deny"},
            {"grant", "deny"}, {"gain", "lose"}, {"attach", "detach"}, {"freeze", "thaw"}, {"heat", "cool"},
            {"inflate", "deflate"}, {"acquire", "release"}, {"allocate", "free"}, {"enter", "exit"},
            {"arrive", "depart"}, {"borrow", "lend"}, {"accelerate", "decelerate"}, {"maximum", "minimum"},
            {"ascending", "descending"}, {"increasing", "decreasing"}, {"break", "build"},
            {"frequent", "infrequent"}, {"rare", "common"}, {"majority", "minority"}, {"upper", "lower"},
            {"inner", "outer"}, {"forward", "backward"}, {"horizontal", "vertical"}, {"agree", "disagree"},
            {"like", "dislike"}, {"love", "hate"}, {"praise", "criticise"}, {"praise", "criticize"},
            {"double", "halve"}, {"twice", "half"}, {"maternal", "paternal"}, {"inverse", "direct"},
            {"suppress", "boost"}};
        for (String[] pair : pairs) {
            OPPOSITES.computeIfAbsent(stem(pair[0]), k -> new HashSet<>()).add(stem(pair[1]));
            OPPOSITES.computeIfAbsent(stem(pair[1]), k -> new HashSet<>()).add(stem(pair[0]));
        }
    }

    private static final String[] YES_LEADS = {"yes", "yeah", "yep", "yup", "yea", "aye", "affirmative", "absolutely",
        "certainly", "definitely", "indeed", "of course", "that's correct", "that is correct", "that's right",
        "that is right", "correct", "right", "sure thing", "sure", "true", "exactly", "precisely", "no doubt",
        "without a doubt", "undoubtedly", "no question", "yes indeed", "that's true", "that is true", "it's true",
        "that's a fact", "that's accurate", "that is accurate", "accurate", "confirmed", "that's the case",
        "that is the case"};
    /** Yes leads that count only when punctuation or the end follows ("You're right," yes; "You're right that" no). */
    private static final List<String> AFFIRMATIONS = List.of("exactly right", "quite right", "absolutely right",
            "spot on", "you're right", "you are right", "you're correct", "you are correct", "you are", "you're",
            "sure can", "sure does", "sure is", "sure did", "sure will", "you bet", "that's the one", "that is the one",
            "right you are", "mm-hmm", "mhm", "uh-huh", "you got it", "you've got it");
    private static final String[] NO_LEADS = {"absolutely not", "certainly not", "definitely not", "of course not",
        "not at all", "not really", "no way", "nope", "nah", "no", "negative", "false", "incorrect", "wrong",
        "that's wrong", "that is wrong", "that's incorrect", "that's not right", "that's not correct", "not quite",
        "that's a myth", "that is a myth", "it's a myth", "that's a misconception", "that is a misconception",
        "that's false", "that is false", "that's not true", "not true", "actually", "yeah, no", "yeah no",
        "better not", "best not", "uh-uh", "nuh-uh", "nuh uh", "uh uh"};
    /** Words after a negation that narrow it to "not only" ({@link #notOnly}). */
    private static final Set<String> ONLY = Set.of("just", "only", "merely", "simply");
    /** Negations that restrict rather than deny before "else" or "other" ({@link #onlyThis}). */
    private static final Set<String> RESTRICTING = Set.of("nowhere", "no", "nothing", "nobody", "none");
    /** What may come before such a negation: "do", "does", "did" and the copulas, not a modal ("shouldn't just stop"). */
    private static final Set<String> NOT_ONLY_AFTER = Set.of("do", "does", "did", "is", "are", "was", "were", "it's");
    /**
     * Words that only qualify a yes or a no ("Yes, approximately.", "Correct, more or less.", "No, definitely"): after
     * one, they say nothing more.
     */
    private static final Set<String> QUALIFIERS = Set.of("approximately", "roughly", "broadly", "basically",
            "essentially", "generally", "mostly", "largely", "indeed", "absolutely", "definitely", "certainly", "more",
            "or", "less", "in", "general", "principle", "pretty", "much", "so", "yes", "no");
    /** Remarks an answer may open with that say nothing about it ({@link #withoutRemark}). */
    private static final String[] REMARKS = {"good question", "great question", "excellent question",
        "interesting question", "fair question", "good catch", "great catch", "nice catch", "good point", "great point",
        "fair point", "happy to help", "glad you asked", "thanks for asking", "thanks for the question", "no problem",
        "let me explain", "here's the answer", "here is the answer", "the short answer", "short answer", "in short",
        "long story short", "the bottom line", "bottom line", "tl;dr", "tldr", "in a word", "quick answer",
        "you're on the right track", "you are on the right track",
        // a hedge before an answer it goes on to give ("I'm not sure, but I think it's Paris."; alone, NonAnswer)
        "i'm not sure, but", "i am not sure, but", "not sure, but", "i'm not certain, but", "i am not certain, but",
        "i'm not 100% sure, but", "i'm not entirely sure, but", "i am not entirely sure, but", "i could be wrong, but",
        "i might be wrong, but", "correct me if i'm wrong, but", "i’m not sure, but", "i’m not certain, but",
        "i’m not 100% sure, but", "i’m not entirely sure, but", "correct me if i’m wrong, but"};
    private static final String REMARK_ENDS = "—–-:!,.";
    /** The remarks by their first letter (a to z), so an answer is checked against those that could open it. */
    private static final String[][] REMARKS_BY_LETTER = byFirstLetter(REMARKS);
    /** The most words a lead-in to a fenced block may say ({@link #fencedAlone}). */
    private static final int LEAD_IN_WORDS = 8;
    /** Hedges an answer may put before its yes or no. */
    private static final String[] HEDGES = {"generally", "usually", "typically", "mostly", "probably", "technically",
        "basically", "in general", "in most cases", "short answer", "in short", "mostly", "largely", "then"};
    /** Leads that count only when punctuation or the end follows ("Right," yes; "Right angles" no). */
    private static final Set<String> STRICT = new HashSet<>(Set.of("right", "sure", "true", "false", "correct",
            "indeed", "absolutely", "certainly", "definitely", "exactly", "precisely", "negative", "wrong", "incorrect",
            "affirmative", "actually", "accurate", "confirmed"));
    /** A short answer that echoes the question's verb: "It is.", "Indeed they did." (yes), "It isn't." (no). */
    private static final List<String> ECHO_YES = new ArrayList<>();
    private static final List<String> ECHO_NO = new ArrayList<>();
    private static final Set<String> ECHOES = new HashSet<>();
    /** The leads with the echoes. */
    private static final String[] YES_ALL;
    private static final String[] NO_ALL;

    static {
        String[] subjects = {"it", "they", "he", "she", "we", "you", "i", "that", "there"};
        String[] auxiliaries = {"is", "are", "was", "were", "does", "do", "did", "can", "could", "will", "would", "has",
            "have", "had", "should", "must"};
        for (String subject : subjects) {
            for (String auxiliary : auxiliaries) {
                String echo = subject + " " + auxiliary;
                ECHO_YES.add(echo);
                ECHO_YES.add("indeed " + echo);
                ECHO_NO.add(echo + " not");
                if (!auxiliary.equals("will")) {
                    ECHO_NO.add(echo + (auxiliary.equals("can") ? "'t" : "n't"));
                }
            }
        }
        ECHO_NO.add("it won't");
        ECHO_NO.add("they won't");
        STRICT.addAll(AFFIRMATIONS);
        STRICT.addAll(ECHO_YES);
        STRICT.addAll(ECHO_NO);
        ECHOES.addAll(ECHO_YES);
        ECHOES.addAll(ECHO_NO);
        List<String> yes = new ArrayList<>(List.of(YES_LEADS));
        yes.addAll(AFFIRMATIONS);
        yes.addAll(ECHO_YES);
        YES_ALL = yes.toArray(String[]::new);
        List<String> no = new ArrayList<>(List.of(NO_LEADS));
        no.addAll(ECHO_NO);
        NO_ALL = no.toArray(String[]::new);
    }
    /** Words after a bare "no" that make it an answer ("No it isn't") rather than a determiner ("No one knows"). */
    private static final Set<String> NO_THEN = Set.of("it", "i", "you", "that", "this", "they", "we", "he", "she",
            "there", "not", "never", "sir", "but", "because", "the");

    private AnswerText() {
    }

    /**
     * The answer in lower case with its punctuation: markdown emphasis and backticks removed, underscores between
     * words a space, curly quotes straight, a Unicode minus (or a dash right before a digit) a hyphen, and whitespace
     * collapsed (a run with a line break into one line break); a metric unit symbol with a prefix after a number
     * spelled out ("5 MW" as "5 megawatt", {@link Quantities#spelledUnits}).
     */
    static String lower(String answer) {
        // metric prefixes are read before the case goes ("5 MW" is not "5 mW")
        String text = Quantities.spelledUnits(answer.indexOf('\\') >= 0 ? latex(answer) : answer)
                .toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        boolean line = false;
        boolean superscript = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char raised = superscript(c);
            if (raised != 0) {
                // 10⁸ is 10^8, x² is x^2, 10⁻⁴ is 10^-4
                if (!superscript) {
                    out.append('^');
                }
                out.append(raised);
                superscript = true;
                space = false;
                continue;
            }
            superscript = false;
            if (c >= '\u2080' && c <= '\u2089') {
                // subscripts: H₂O is H2O
                c = (char) ('0' + (c - '\u2080'));
            }
            switch (c) {
                case '*', '`' -> {
                    continue;
                }
                case '_' -> c = ' ';
                // music: F♯ is F#, B♭ is Bb
                case '\u266f' -> c = '#';
                case '\u266d' -> c = 'b';
                case '\u2212', '\u2012', '\ufe63', '\uff0d' -> c = '-';
                case '\u2018', '\u2019', '\u02bc' -> c = '\'';
                case '\u201c', '\u201d' -> c = '"';
                case '\u2013', '\u2014' -> {
                    if (i + 1 < text.length() && Quantities.isDigit(text.charAt(i + 1))
                            && (i == 0 || text.charAt(i - 1) == ' ')) {
                        c = '-';
                    }
                }
                default -> {
                }
            }
            if (Character.isWhitespace(c) && c != '\u00a0' && c != '\u202f' && c != '\u2009') {
                if (out.length() > 0) {
                    space = true;
                    line |= c == '\n';
                }
                continue;
            }
            if (space) {
                out.append(line ? '\n' : ' ');
                space = false;
                line = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** LaTeX commands and the plain text or symbol they stand for. */
    private static final String[][] LATEX = {{"\\left", ""}, {"\\right", ""}, {"\\cdot", "·"}, {"\\times", "×"},
        {"\\leq", "≤"}, {"\\geq", "≥"}, {"\\le", "≤"}, {"\\ge", "≥"}, {"\\neq", "≠"}, {"\\ne", "≠"},
        {"\\infty", "∞"}, {"\\pi", "π"}, {"\\lnot", "¬"}, {"\\neg", "¬"}, {"\\land", "∧"}, {"\\wedge", "∧"},
        {"\\lor", "∨"}, {"\\vee", "∨"}, {"\\to", "→"}, {"\\rightarrow", "→"}, {"\\implies", "⇒"},
        {"\\in", "∈"}, {"\\pm", "±"}, {"\\,", " "}, {"\\;", " "}, {"\\!", ""}};

    /**
     * Math written in LaTeX as plain text: "$\\frac{n(n+1)}{2}$" is "(n(n+1))/(2)", "\\sqrt{x}" is "√(x)", "x^{2}" is
     * "x^2", "\\text{kg}" is "kg", and symbol commands their symbols; the dollar signs around it go.
     */
    static String latex(String text) {
        String out = text;
        for (String command : new String[] {"\\text", "\\mathrm", "\\mathbf", "\\operatorname"}) {
            out = out.replace(command + "{", "{");
        }
        out = out.replace("\\dfrac{", "\\frac{").replace("\\tfrac{", "\\frac{");
        int at;
        while ((at = out.indexOf("\\frac{")) >= 0) {
            int numeratorEnd = closing(out, at + 5);
            if (numeratorEnd < 0 || numeratorEnd + 1 >= out.length() || out.charAt(numeratorEnd + 1) != '{') {
                break;
            }
            int denominatorEnd = closing(out, numeratorEnd + 1);
            if (denominatorEnd < 0) {
                break;
            }
            out = out.substring(0, at) + "(" + out.substring(at + 6, numeratorEnd) + ")/("
                    + out.substring(numeratorEnd + 2, denominatorEnd) + ")" + out.substring(denominatorEnd + 1);
        }
        out = out.replace("\\sqrt{", "√{");
        for (String[] command : LATEX) {
            out = out.replace(command[0], command[1]);
        }
        StringBuilder plain = new StringBuilder(out.length());
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == '$') {
                continue;
            }
            if (c == '{' || c == '}') {
                // x^{2} is x^2; √{x} is √(x); other braces group only
                boolean after = i > 0 && (out.charAt(i - 1) == '^' || out.charAt(i - 1) == '_');
                if (c == '{' && i > 0 && out.charAt(i - 1) == '√') {
                    plain.append('(');
                    int end = closing(out, i);
                    if (end > 0) {
                        out = out.substring(0, end) + ")" + out.substring(end + 1);
                    }
                } else if (!after) {
                    continue;
                }
                continue;
            }
            plain.append(c);
        }
        return plain.toString();
    }

    /** The index of the brace closing the one at {@code open}, or -1. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The digit or sign a superscript character stands for, or 0. */
    private static char superscript(char c) {
        return switch (c) {
            case '\u2070' -> '0';
            case '\u00b9' -> '1';
            case '\u00b2' -> '2';
            case '\u00b3' -> '3';
            case '\u2074', '\u2075', '\u2076', '\u2077', '\u2078', '\u2079' -> (char) ('4' + (c - '\u2074'));
            case '\u207b' -> '-';
            case '\u207a' -> '+';
            default -> 0;
        };
    }

    /** A mathematical symbol beyond ASCII (∧, ∨, ¬, ≤, ≠, ×, →): a word of its own, as it changes the meaning. */
    static boolean mathSymbol(char c) {
        return c > 127 && Character.getType(c) == Character.MATH_SYMBOL;
    }

    /**
     * The words of a lower-cased answer: runs of letters and digits (a decimal point inside a number kept, "c++" and
     * "c#" kept whole), with "n't" and "cannot" read as "not" and other contractions' endings dropped.
     */
    static List<String> words(String lower) {
        List<String> words = new ArrayList<>(lower.length() / 5 + 2);
        int n = lower.length();
        int i = 0;
        while (i < n) {
            char c = lower.charAt(i);
            if (mathSymbol(c) && c != '\u00d7') {
                words.add(String.valueOf(c));
                i++;
                continue;
            }
            if (c == '^' && i + 1 < n && (Quantities.isDigit(lower.charAt(i + 1)) || lower.charAt(i + 1) == '-')) {
                // an exponent: ^2, ^-4
                int end = i + 2;
                while (end < n && Quantities.isDigit(lower.charAt(end))) {
                    end++;
                }
                words.add(lower.substring(i, end));
                i = end;
                continue;
            }
            if (!Quantities.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n) {
                char d = lower.charAt(i);
                if (Quantities.isLetterOrDigit(d)) {
                    i++;
                } else if ((d == '.' || d == ',') && i + 1 < n && Quantities.isDigit(lower.charAt(i + 1)) && i > start
                        && Quantities.isDigit(lower.charAt(i - 1))) {
                    i++;
                } else if ((d == '+' || d == '#') && i > start && !Quantities.isDigit(lower.charAt(i - 1))) {
                    i++;
                    while (i < n && lower.charAt(i) == '+') {
                        i++;
                    }
                    break;
                } else {
                    break;
                }
            }
            String word = lower.substring(start, i);
            if (word.equals("no") && i + 1 < n && lower.charAt(i) == '.' && (Quantities.isDigit(lower.charAt(i + 1))
                    || i + 2 < n && lower.charAt(i + 1) == ' ' && Quantities.isDigit(lower.charAt(i + 2)))) {
                // "No. 14" is a number, not a no
                word = "number";
            }
            // contractions: isn't, can't, won't, don't; it's, they're, we'll, I'd, I've, I'm
            if (i + 1 < n && lower.charAt(i) == '\'' && Quantities.isLetter(lower.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Quantities.isLetter(lower.charAt(end))) {
                    end++;
                }
                String tail = lower.substring(i + 1, end);
                if (tail.equals("t") && word.endsWith("n")) {
                    String base = word.substring(0, word.length() - 1);
                    words.add(base.equals("ca") ? "can" : base.equals("wo") ? "will" : base.equals("sha") ? "shall" : base);
                    words.add("not");
                    i = end;
                    continue;
                }
                if (tail.equals("s") || tail.equals("re") || tail.equals("ll") || tail.equals("d") || tail.equals("ve")
                        || tail.equals("m")) {
                    words.add(word);
                    i = end;
                    continue;
                }
            }
            if (word.equals("cannot")) {
                words.add("can");
                words.add("not");
            } else {
                words.add(word);
            }
        }
        return words;
    }

    /** A light stem: plural, past, gerund and adverb endings removed, so inflections of one word match. */
    static String stem(String written) {
        String word = withoutAccents(written);
        int n = word.length();
        if (n <= 3 || Quantities.isDigit(word.charAt(0))) {
            return word;
        }
        String w = word;
        if (w.endsWith("ies") && n > 4) {
            w = w.substring(0, n - 3) + "y";
        } else if (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes")) {
            w = w.substring(0, n - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, n - 1);
        }
        n = w.length();
        if (w.endsWith("ing") && n > 5) {
            w = undouble(w.substring(0, n - 3));
        } else if (w.endsWith("ied") && n > 4) {
            w = w.substring(0, n - 3) + "y";
        } else if (w.endsWith("ed") && n > 4) {
            w = undouble(w.substring(0, n - 2));
        } else if (w.endsWith("ly") && n > 5) {
            w = w.substring(0, n - 2);
        }
        if (w.endsWith("e") && w.length() > 4) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String undouble(String w) {
        int n = w.length();
        if (n >= 3 && w.charAt(n - 1) == w.charAt(n - 2) && !"lsz".contains(String.valueOf(w.charAt(n - 1)))) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    static boolean stopword(String word) {
        return STOPWORDS.contains(word);
    }

    /** Whether a word is an article ("a", "an", "the"). */
    static boolean article(String word) {
        return word.equals("a") || word.equals("an") || word.equals("the");
    }

    /** Whether a word has an opposite in the lexicon ("under" of "over"): a stop word that still carries meaning. */
    static boolean hasOpposite(String word) {
        return OPPOSITES.containsKey(word);
    }

    static boolean negation(String word) {
        return NEGATIONS.contains(word);
    }

    /**
     * The way a verb of movement says a measure went: 1 up ("rose", "jumped", "soared"), -1 down ("fell", "plunged",
     * "tumbled"), 0 for any other stem.
     */
    static int direction(String stem) {
        return UP.contains(stem) ? 1 : DOWN.contains(stem) ? -1 : 0;
    }

    private static Set<String> stems(String words) {
        Set<String> stems = new HashSet<>();
        for (String word : words.split(" ")) {
            stems.add(stem(word));
        }
        return Set.copyOf(stems);
    }

    /** Whether two stems are opposites from the lexicon, or one is the other with a negating prefix (un-, in-, non-, dis-, il-, im-). */
    static boolean opposite(String stemA, String stemB) {
        Set<String> opposites = OPPOSITES.get(stemA);
        if (opposites != null && opposites.contains(stemB)) {
            return true;
        }
        if (direction(stemA) * direction(stemB) == -1) {
            return true;
        }
        if (prefixed(stemA, stemB) || prefixed(stemB, stemA) || contrasted(stemA, stemB)) {
            return true;
        }
        // a comparative or superlative against the other word's opposite ("faster" / "slow", "hottest" / "cold")
        String a = opposites == null ? compared(stemA) : stemA;
        String b = OPPOSITES.containsKey(stemB) ? stemB : compared(stemB);
        return (a != null && b != null) && (!a.equals(stemA) || !b.equals(stemB)) && OPPOSITES.get(a).contains(b);
    }

    /**
     * The stem of a word of the lexicon of opposites that a comparative or superlative is formed from ("faster":
     * "fast", "bigger": "big", "larger": "larg", "earliest": "early"); {@code null} when none is.
     */
    private static String compared(String stem) {
        String base = stem.endsWith("est") ? stem.substring(0, stem.length() - 3)
                : stem.endsWith("er") ? stem.substring(0, stem.length() - 2) : null;
        if (base == null || base.length() < 2) {
            return null;
        }
        for (String candidate : new String[] {base, undouble(base), base + "e",
                base.endsWith("i") ? base.substring(0, base.length() - 1) + "y" : base}) {
            if (OPPOSITES.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Whether a word is another word with a negating prefix ({@link #prefixed}: "impure", "unsafe", "nonzero") whose
     * stem passes the given test.
     */
    static boolean negatedWordOf(String word, java.util.function.Predicate<String> stemTest) {
        for (int cut = 1; cut <= 3 && cut < word.length() - 3; cut++) {
            String base = word.substring(cut);
            if (prefixed(base, word) && stemTest.test(stem(base))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether two words are one word after prefixes of opposite sense ("extrapolate" / "interpolate", "overestimate" /
     * "underestimate", "hypertension" / "hypotension", "upstream" / "downstream"), which WordNet may give as one sense.
     */
    static boolean contrasted(String a, String b) {
        for (String[] pair : CONTRASTED_PREFIXES) {
            for (int k = 0; k < 2; k++) {
                String x = pair[k];
                String y = pair[1 - k];
                if (a.startsWith(x) && b.startsWith(y) && a.length() - x.length() >= MIN_CONTRASTED_REST
                        && a.substring(x.length()).equals(b.substring(y.length()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean prefixed(String base, String other) {
        if (base.length() >= 4 && base.endsWith("e") && !other.endsWith(base)) {
            // the stemmer keeps the "e" of a word it leaves whole and drops it from a longer one ("pure" / "impur"):
            // the two words, the "e" put back, when WordNet has them as antonyms ("impure"; not "intake" / "take")
            String cut = base.substring(0, base.length() - 1);
            return other.length() > cut.length() && other.endsWith(cut)
                    && Lexical.antonyms(base, other.substring(0, other.length() - cut.length()) + base);
        }
        if (base.length() < 4 || other.length() <= base.length() || !other.endsWith(base)) {
            return false;
        }
        String prefix = other.substring(0, other.length() - base.length());
        return prefix.equals("un") || prefix.equals("in") || prefix.equals("non") || prefix.equals("dis")
                || prefix.equals("il") || prefix.equals("im") || prefix.equals("ir") || prefix.equals("a");
    }

    private static String[][] byFirstLetter(String[] phrases) {
        String[][] byLetter = new String[26][];
        for (char letter = 'a'; letter <= 'z'; letter++) {
            char first = letter;
            byLetter[letter - 'a'] = Arrays.stream(phrases).filter(phrase -> phrase.charAt(0) == first)
                    .toArray(String[]::new);
        }
        return byLetter;
    }

    /**
     * The text without a remark it opens with that says nothing about the answer ("Good question — …", "Great
     * catch! …", "Happy to help: …"); the text itself when it opens with none. A yes-like remark ("Sure — …") is a
     * stance, not a remark.
     */
    static String withoutRemark(String text) {
        String rest = text;
        for (int round = 0; round < 2; round++) {
            int start = 0;
            while (start < rest.length() && Character.isWhitespace(rest.charAt(start))) {
                start++;
            }
            char first = start < rest.length() ? Character.toLowerCase(rest.charAt(start)) : ' ';
            if (first < 'a' || first > 'z') {
                return rest;
            }
            String matched = null;
            for (String remark : REMARKS_BY_LETTER[first - 'a']) {
                if (rest.regionMatches(true, start, remark, 0, remark.length())) {
                    matched = remark;
                    break;
                }
            }
            if (matched == null) {
                return rest;
            }
            int after = start + matched.length();
            int end = after;
            while (end < rest.length() && (Character.isWhitespace(rest.charAt(end))
                    || REMARK_ENDS.indexOf(rest.charAt(end)) >= 0)) {
                end++;
            }
            // a remark ends at punctuation (a hedge at its "but"), and something follows it
            boolean hedge = matched.endsWith(", but");
            if (end == after || end >= rest.length() || rest.substring(after, end).isBlank() && !hedge) {
                return rest;
            }
            rest = rest.substring(end);
        }
        return rest;
    }

    /**
     * The code of the one fenced block of an answer that only leads into it ("Sure! Just run:\n```sql\n…\n```"),
     * without its fences and language, when a lead-in of at most {@value #LEAD_IN_WORDS} words ending in a colon, with
     * no yes, no or negation, comes before it and nothing after; else the text itself.
     */
    static String fencedAlone(String text) {
        int fence = text.indexOf("```");
        if (fence < 0) {
            return text;
        }
        int close = text.indexOf("```", fence + 3);
        String lead = text.substring(0, fence).strip();
        List<String> leading = words(lead.toLowerCase(Locale.ROOT));
        if (close < 0 || !text.substring(close + 3).isBlank() || !lead.isEmpty() && !lead.endsWith(":")
                || leading.size() > LEAD_IN_WORDS || leading.stream().anyMatch(AnswerText::negation)
                || stance(lead.toLowerCase(Locale.ROOT)).present()) {
            // (a lead-in that says yes, no or never is part of the answer: "No, use this instead:")
            return text;
        }
        return AnswerKey.unfence(text.substring(fence, close + 3));
    }

    /**
     * "Far from" and "anything but" after a copula or opening the text, before what they deny ("is far from easy",
     * "was anything but stable", "Far from easy."; not "far from home", "far from the coast"), "hardly", "scarcely",
     * "no longer", and "too … to" ("too alkaline to be suitable": not suitable).
     */
    private static final Pattern NEGATING_PHRASE = Pattern.compile(
            "\\b((?:is|are|was|were|be|been|being|am|remains|remained|seems|seemed|looks|looked|proved|proves|appears"
                    + "|appeared)(?: [a-z]+ly)?) (?:far from|anything but) (?!(?:the|a|an|my|your|his|her|its|our|their|this"
                    + "|that|these|those|home|here|there|it|him|them|us|me|each|one|any|all|every|shore|land|town)\\b)(?=[a-z])"
                    + "|\\b(?:hardly|scarcely|no longer)\\b|\\b(too [a-z]+) to (?=[a-z])"
                    + "|^(?:far from|anything but)(?= (?!(?:the|a|an|my|your|his|her|its|our|their|this|that|these|those"
                    + "|home|here|there|it|him|them|us|me|each|one|any|all|every|shore|land|town)\\b)[a-z])");

    /**
     * The text with negations said in other words spelled as "not" ("The result was far from significant": "the
     * result was not significant"), so that every rule counts them; lower-cased text in, lower-cased text out.
     */
    static String spelledNegations(String lower) {
        if (lower.indexOf("far from") < 0 && lower.indexOf("anything but") < 0 && lower.indexOf("hardly") < 0
                && lower.indexOf("scarcely") < 0 && lower.indexOf("no longer") < 0 && lower.indexOf("too ") < 0) {
            return lower;
        }
        Matcher matcher = NEGATING_PHRASE.matcher(lower);
        StringBuilder out = new StringBuilder(lower.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, matcher.group(1) != null ? "$1 not " : matcher.group(2) != null ? "$2 and not to "
                    : "not");
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Whether a text is only words that qualify a yes or no before it ("approximately", "more or less"). */
    static boolean onlyQualifiers(String lower) {
        List<String> words = words(lower);
        return !words.isEmpty() && QUALIFIERS.containsAll(words);
    }

    /** Whether the word at {@code k} is a "fail" followed by "to": "failed to reach" is "did not reach". */
    static boolean failsTo(List<String> words, int k) {
        return k + 1 < words.size() && words.get(k + 1).equals("to") && fail(words.get(k));
    }

    /**
     * Whether the word at {@code k} is a negation that narrows what follows to "not only" ("It doesn't just merge; it
     * fetches first", "It's not merely a fruit"): more than what follows, not its negation. Only after "do" or a
     * copula: "You shouldn't just stop taking them" still negates.
     */
    static boolean notOnly(List<String> words, int k) {
        return k > 0 && k + 1 < words.size() && ONLY.contains(words.get(k + 1)) && negation(words.get(k))
                && NOT_ONLY_AFTER.contains(words.get(k - 1));
    }

    /**
     * Whether the word at {@code k} is a negation that restricts a claim to what it names ("native to the Carolinas and
     * nowhere else", "no other planet", "nothing else"): the claim said with "only", not denied.
     */
    static boolean onlyThis(List<String> words, int k) {
        return k + 1 < words.size() && RESTRICTING.contains(words.get(k))
                && (words.get(k + 1).equals("else") || words.get(k + 1).equals("other"));
    }

    /** Whether a word is a form of "fail". */
    static boolean fail(String word) {
        return word.equals("fail") || word.equals("fails") || word.equals("failed") || word.equals("failing");
    }

    /** The explicit yes or no a lower-cased answer opens with, if any, and where the rest of it starts. */
    static Stance stance(String lower) {
        int start = 0;
        while (start < lower.length() && !Quantities.isLetter(lower.charAt(start))) {
            start++;
        }
        // a hedge before the yes or no ("Generally no — …", "Short answer: yes")
        for (String hedge : HEDGES) {
            if (lower.startsWith(hedge, start) && lower.length() > start + hedge.length()
                    && !Quantities.isLetterOrDigit(lower.charAt(start + hedge.length()))) {
                int after = start + hedge.length();
                while (after < lower.length() && !Quantities.isLetter(lower.charAt(after))) {
                    after++;
                }
                Stance hedged = lead(lower, after, NO_ALL, "no");
                if (!hedged.present()) {
                    hedged = lead(lower, after, YES_ALL, "yes");
                }
                if (hedged.present() && (lower.startsWith("no", after) || lower.startsWith("yes", after))) {
                    return hedged;
                }
            }
        }
        Stance no = lead(lower, start, NO_ALL, "no");
        Stance yes = lead(lower, start, YES_ALL, "yes");
        return no.present() && (!yes.present() || no.rest() >= yes.rest()) ? no : yes;
    }

    /** A word with the accents of its Latin letters left off ("montréal": "montreal"); others as they are. */
    static String withoutAccents(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= '\u00c0' && c <= '\u024f') {
                return ACCENTS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        return word;
    }

    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

    private static int skipPunctuation(String lower, int from) {
        int at = from;
        while (at < lower.length() && !Quantities.isLetterOrDigit(lower.charAt(at))) {
            at++;
        }
        return at;
    }

    private static Stance lead(String lower, int start, String[] leads, String value) {
        Stance best = Stance.NONE;
        int n = lower.length();
        for (String lead : leads) {
            if (!lower.startsWith(lead, start)) {
                continue;
            }
            int end = start + lead.length();
            if (end < n && Quantities.isLetterOrDigit(lower.charAt(end))) {
                continue;
            }
            if (lower.startsWith("'t", end) || lower.startsWith("\u2019t", end)) {
                // "Sure can't.": the lead negated
                continue;
            }
            if (ECHOES.contains(lead) && !AFFIRMATIONS.contains(lead)
                    && !lower.substring(end).chars().noneMatch(Character::isLetterOrDigit)) {
                // an echo is a yes or no only as the whole answer ("It is."), not before what it says ("It is red")
                continue;
            }
            boolean punctuated = end == n || lower.charAt(end) != ' '
                    || (end + 1 < n && !Quantities.isLetterOrDigit(lower.charAt(end + 1)));
            if (lead.equals("actually") && (!punctuated || lead(lower, skipPunctuation(lower, end), YES_ALL, "yes").present())) {
                // "Actually, …" opens a correction; "Actually, yes" is a yes
                continue;
            }
            if (!punctuated) {
                String next = nextWord(lower, end + 1);
                if (lead.equals("no")) {
                    if (next.equals("doubt") || next.equals("question")) {
                        continue;
                    }
                    if (!NO_THEN.contains(next)) {
                        continue;
                    }
                } else if (lead.equals("not quite") || lead.equals("not really")) {
                    // "not really" alone is a no; followed by words it qualifies them
                    continue;
                } else if (STRICT.contains(lead) || lead.equals("yes indeed")) {
                    continue;
                }
            }
            int rest = end;
            while (rest < n && !Quantities.isLetterOrDigit(lower.charAt(rest)) && lower.charAt(rest) != '"'
                    && lower.charAt(rest) != '\'' && lower.charAt(rest) != '$' && lower.charAt(rest) != '€'
                    && lower.charAt(rest) != '-') {
                rest++;
            }
            if (!best.present() || rest > best.rest()) {
                best = new Stance(value, rest);
            }
        }
        return best;
    }

    private static String nextWord(String lower, int from) {
        int end = from;
        while (end < lower.length() && Quantities.isLetter(lower.charAt(end))) {
            end++;
        }
        return lower.substring(from, end);
    }
}
