package dev.quorum.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the vote reads from the question the panel answered: its content words (so that "The capital of France is
 * Paris." is seen to answer "What is the capital of France?" with "Paris"), the options of a multiple-choice question
 * ("A) Atlantic B) Pacific", so "Pacific" and "B" are one answer), the alternatives a question offers in words ("spam
 * or ham?", "an asset, a liability or equity?": the label set of a classification question), whether it is a yes/no
 * question ("Did the build pass?", so "It doesn't pass" is a no) and the content words of its last question sentence,
 * and whether it asks for an order ("sort", "rank", "largest first"), in which lists are compared in order. Quoted text
 * (the review or the email being classified) counts for the content words but offers no alternatives. Read once per
 * vote; {@link #NONE} when there is no question.
 */
final class Question {

    static final Question NONE = new Question(Set.of(), Map.of(), false, List.of(), List.of(), false, List.of(),
            Map.of(), 0, "", false);

    static {
        NONE.normalised = "";
    }

    /** Words that open a yes/no question. */
    private static final Set<String> AUXILIARIES = Set.of("is", "are", "was", "were", "am", "do", "does", "did", "can",
            "could", "should", "shall", "will", "would", "has", "have", "had", "may", "might", "must");
    /** Words that start a condition on a whole question rather than continue its last alternative. */
    private static final Set<String> QUALIFIERS = Set.of("if", "when", "for", "with", "given", "since", "because",
            "while", "assuming", "unless");
    /** A range of numbered labels: "p1–p4", "sev1-sev3", "p0 to p3" (the same letters before both numbers). */
    private static final Pattern RANGE = Pattern.compile(
            "\\b([a-z]{1,4})(\\d)\\s*(?:[-–—]|to)\\s*([a-z]{1,4})(\\d)\\b");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "it", "this", "that", "as");
    /** Words that stand before a noun its verb acts on ("buy a car", "invest my money"). */
    private static final Set<String> POSSESSIVES = Set.of("a", "an", "the", "my", "your", "our", "their", "his", "her",
            "its", "some", "this", "that", "these", "those");
    /** Adverbs that end a question on the whole of it rather than its last alternative ("… or JavaScript first?"). */
    private static final Set<String> WHOLE_QUESTION = Set.of("first", "now", "instead", "today", "then", "here",
            "there", "again", "later", "nowadays");
    /** Who a question asks about after its auxiliary ("should I …", "can we …"). */
    private static final Set<String> PRONOUNS = Set.of("i", "you", "we", "they", "he", "she", "it", "one");
    /** Words a question tag opens with besides an auxiliary ("…, right?", "…, yes?", "… — is that correct?"). */
    private static final Set<String> TAGS = Set.of("right", "correct", "true", "yes", "yeah", "ok", "okay", "agreed",
            "no", "is", "isn't", "am");
    /** What asks to confirm the statement it opens ("So the deadline is the 15th?", "Just to confirm: …?"). */
    /** What a question that asks for a rounding says ({@link #roundingAsked}). */
    private static final List<String> ROUNDING = List.of("round", "decimal place", "significant figure",
            "significant digit", "nearest", "decimals");
    private static final List<List<String>> LEAD_INS = Stream.of("so", "and so", "confirm", "to confirm",
            "just to confirm", "just checking", "quick check", "to be clear", "correct me if i'm wrong",
            "i'm right that", "my understanding is that", "i believe", "i think", "i was told", "i heard",
            "you're saying").map(lead -> List.of(lead.split(" "))).toList();
    /** Words a statement put as a question opens with ("The fast train takes about 25 minutes?"). */
    private static final Set<String> STATEMENT_OPENERS = Set.of("the", "a", "an", "i", "i'm", "my", "our", "your",
            "you", "we", "it", "this", "these", "those", "there", "in", "to", "on");
    private static final Set<String> WH = Set.of("what", "what's", "which", "who", "who's", "whom", "whose", "where",
            "where's", "when", "why", "how", "how's");

    private static final Set<String> ORDER_WORDS = Set.of("sort", "sorted", "order", "ordered", "rank", "ranked",
            "ranking", "ascending", "descending", "sequence", "steps", "chronological", "chronologically",
            "top");

    /** Phrases that ask for a list in an order ("from the inside out", "top to bottom"). */
    private static final List<String> ORDER_PHRASES = List.of("inside out", "outside in", "top to bottom",
            "bottom to top", "left to right", "right to left", "west to east", "east to west",
            "north to south", "south to north");

    private final Set<String> stems;
    private final Map<String, Character> options;
    private final boolean numbered;
    private final boolean ordered;
    private final List<Quantities.Quantity> quantities;
    private final List<List<String>> alternatives;
    private final boolean yesNo;
    private final List<String> asked;
    private final Map<String, String> labels;
    private final int negations;
    /** The question's text (the last 4,000 characters), and its normalised form once asked for (for phrases). */
    private final String text;
    private String normalised;
    /** The question's text in lower case, once asked for ({@link #lowerText}). */
    private String lowerText;
    /** What a yes/no question asks to confirm, once asked for ({@link #claim}); empty when it has none. */
    private String claim;
    /** The stems each alternative of a question that asks to choose has alone, once asked for ({@link #choices}). */
    private List<Set<String>> choices;

    private Question(Set<String> stems, Map<String, Character> options, boolean ordered,
                     List<Quantities.Quantity> quantities, List<List<String>> alternatives, boolean yesNo,
                     List<String> asked, Map<String, String> labels, int negations, String normalised,
                     boolean numbered) {
        this.stems = stems;
        this.options = options;
        this.numbered = numbered;
        this.ordered = ordered;
        this.quantities = quantities;
        this.alternatives = alternatives;
        this.yesNo = yesNo;
        this.asked = asked;
        this.labels = labels;
        this.negations = negations;
        this.text = normalised;
    }

    static Question of(String question) {
        if (question == null || question.isBlank()) {
            return NONE;
        }
        String text = question.length() > 4000 ? question.substring(question.length() - 4000) : question;
        String lower = AnswerText.lower(text);
        List<String> words = AnswerText.words(lower);
        Set<String> stems = new HashSet<>();
        boolean ordered = false;
        for (int k = 0; k < words.size(); k++) {
            String word = words.get(k);
            stems.add(AnswerText.stem(word));
            // "first" orders as "largest first" or "… first?" does, not as "the first three periods" (a set)
            ordered |= ORDER_WORDS.contains(word) || word.equals("first")
                    && (k == words.size() - 1 || k > 0 && words.get(k - 1).endsWith("est"))
                    // "from lowest to highest", "oldest to newest", "best to worst"
                    || word.equals("to") && k > 0 && k + 1 < words.size() && superlative(words.get(k - 1))
                    && superlative(words.get(k + 1));
        }
        for (String phrase : ORDER_PHRASES) {
            ordered |= lower.contains(phrase);
        }
        Map<String, Character> options = options(lower, 'a');
        boolean numbered = false;
        if (options.isEmpty()) {
            options = options(lower, '1');
            numbered = !options.isEmpty();
        }
        String plain = unquoted(lower);
        String last = confirmed(plain);
        List<String> lastWords = AnswerText.words(last);
        List<List<String>> alternatives = options.isEmpty() ? alternatives(last) : List.of();
        if (alternatives.isEmpty() && options.isEmpty()) {
            // alternatives before a colon that gives what to classify ("Prime or composite: 91?")
            alternatives = beforeColon(plain, last);
        }
        if (alternatives.isEmpty() && options.isEmpty()) {
            alternatives = ranged(plain);
        }
        boolean yesNo = alternatives.isEmpty() && options.isEmpty() && !lastWords.isEmpty()
                && last.indexOf('?') >= 0 && (AUXILIARIES.contains(lastWords.get(0)) || tagged(last)
                || statement(lastWords));
        List<String> asked = new ArrayList<>();
        List<String> lastStems = new ArrayList<>(lastWords.size());
        for (String word : lastWords) {
            lastStems.add(AnswerText.stem(word));
        }
        Map<String, String> labels = yesNo ? Labels.read(lastWords, lastStems, NONE) : Map.of();
        int negations = 0;
        // a question tag's negation ("..., didn't it?") is not the question's
        int tag = tagged(last) ? AnswerText.words(last.substring(0, tagAt(last))).size() : lastWords.size();
        for (int k = yesNo ? leadIn(lastWords) : 0; k < lastWords.size(); k++) {
            String word = lastWords.get(k);
            negations += AnswerText.negation(word) && k < tag ? 1 : 0;
            // (a stop word with an opposite is asked too: "under par" is not "over par")
            if ((!AnswerText.stopword(word) || AnswerText.hasOpposite(word)) && !AnswerText.negation(word)
                    && !Quantities.isDigit(word.charAt(0))) {
                asked.add(AnswerText.stem(word));
            }
        }
        return new Question(stems, options, ordered, Quantities.parse(lower), alternatives, yesNo, asked, labels,
                negations, text, numbered);
    }

    /** The alternatives of the clause before the colon that opens the last question, if it offers any. */
    private static List<List<String>> beforeColon(String unquoted, String last) {
        int at = unquoted.lastIndexOf(last);
        String before = at > 0 ? unquoted.substring(0, at).stripTrailing() : "";
        if (!before.endsWith(":")) {
            return List.of();
        }
        String head = lastQuestion(before.substring(0, before.length() - 1) + "?");
        return head.contains(" or ") ? alternatives(head) : List.of();
    }

    /** A statement with a question tag: "…, isn't it?", "…, right?", "…, yes?", "… — is that correct?". */
    private static boolean tagged(String last) {
        int comma = tagAt(last);
        if (comma < 0) {
            return false;
        }
        List<String> tag = AnswerText.words(last.substring(comma));
        return !tag.isEmpty() && tag.size() <= 4 && (AUXILIARIES.contains(tag.get(0)) || TAGS.contains(tag.get(0)));
    }

    /** Where a question tag would start: the last comma or dash; -1 when there is none. */
    private static int tagAt(String last) {
        return Math.max(last.lastIndexOf(','), Math.max(last.lastIndexOf(" — "), Math.max(last.lastIndexOf(" – "),
                last.lastIndexOf(" - "))));
    }

    /**
     * The last question, and when it only asks to confirm ("Correct?", "Is that right?") the statement before it with
     * it as a tag ("Magna Carta was sealed in 1215. Correct?" is "magna carta was sealed in 1215, correct?"); a lead-in
     * before a colon is kept ("Just to confirm: the treaty was signed in 1919?").
     */
    private static String confirmed(String unquoted) {
        String last = lastQuestion(unquoted);
        int at = unquoted.lastIndexOf(last);
        String before = at > 0 ? unquoted.substring(0, at).strip() : "";
        List<String> words = AnswerText.words(last);
        if (!before.isEmpty() && !words.isEmpty() && words.size() <= 3
                && (TAGS.contains(words.get(0)) || AUXILIARIES.contains(words.get(0)) && words.size() == 3
                && (words.get(2).equals("right") || words.get(2).equals("correct") || words.get(2).equals("true")))) {
            String previous = lastQuestion(before.replaceAll("[.!]+$", "") + "?");
            return previous.substring(0, previous.length() - 1) + ", " + last;
        }
        if (before.endsWith(":")) {
            String lead = AnswerText.lower(lastQuestion(before.substring(0, before.length() - 1) + "?"));
            List<String> leadWords = AnswerText.words(lead);
            if (LEAD_INS.contains(leadWords)) {
                return String.join(" ", leadWords) + " " + last;
            }
        }
        return last;
    }

    /**
     * Whether a question with no auxiliary first is a statement put as a question: one that opens with a lead-in
     * ("So HTTP 404 means …?", "Confirm: …?") or with a determiner or pronoun ("The fast train from Leeds to York takes
     * about 25 minutes?", "I can drop off paint on Saturdays?"), in five words or more, and asks no wh-question.
     */
    private static boolean statement(List<String> words) {
        for (String word : words) {
            if (WH.contains(word)) {
                return false;
            }
        }
        return leadIn(words) > 0 || words.size() >= 5 && STATEMENT_OPENERS.contains(words.get(0));
    }

    /** How many words a lead-in to a statement put as a question takes ("so", "just to confirm"); 0 for none. */
    private static int leadIn(List<String> words) {
        int longest = 0;
        for (List<String> leadWords : LEAD_INS) {
            if (leadWords.size() > longest && leadWords.size() < words.size()
                    && words.subList(0, leadWords.size()).equals(leadWords)) {
                longest = leadWords.size();
            }
        }
        return longest;
    }

    /** The alternatives the question offers in words ("spam or ham"), each as its stems; none when it offers none. */
    List<List<String>> alternatives() {
        return alternatives;
    }

    /** Whether the question asks for a yes or a no ("Is the lot open on Sundays?"). */
    /**
     * Whether the question asks for a number rounded ("… to 4 decimal places?", "Round π to …", "… to three
     * significant figures", "… to the nearest tenth").
     */
    boolean roundingAsked() {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : ROUNDING) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    boolean yesNo() {
        return yesNo;
    }

    /** The content stems of the last question sentence (what a yes or a no is about). */
    List<String> asked() {
        return asked;
    }

    /** The labels the last question sentence names ("Is this comment toxic?": toxic), one per family. */
    Map<String, String> labels() {
        return labels;
    }

    /** Whether the question holds this phrase of whole words ("linear search"). */
    boolean hasPhrase(String phrase) {
        if (normalised == null) {
            // read once per vote, only when an alternative of the question is found in an answer
            normalised = " " + AnswerKey.normalise(text) + " ";
        }
        return normalised.contains(" " + phrase + " ");
    }

    /**
     * What a yes/no question asks to confirm, as a statement of its words: its last question without its leading
     * auxiliary or a tag ("Is mercury a liquid at room temperature?" is "mercury a liquid at room temperature");
     * {@code null} for other questions.
     */
    String claim() {
        if (!yesNo || text == null) {
            return null;
        }
        if (claim == null) {
            claim = statement();
        }
        return claim.isEmpty() ? null : claim;
    }

    private String statement() {
        String last = confirmed(unquoted(AnswerText.lower(text))).strip();
        int comma = tagAt(last);
        if (tagged(last) && comma > 0) {
            last = last.substring(0, comma);
        }
        List<String> words = AnswerText.words(last);
        words = words.subList(leadIn(words), words.size());
        if (!words.isEmpty() && AUXILIARIES.contains(words.get(0))) {
            words = words.subList(1, words.size());
        }
        return String.join(" ", words);
    }

    /**
     * The last name the question writes inside a sentence, as stems ("… is Ankara — is that right?", "… Uruguay, I
     * believe?"): the answer a question proposes; empty when none.
     */
    List<String> proposed() {
        List<List<String>> runs = capitalised(false);
        return runs.isEmpty() ? List.of() : runs.get(runs.size() - 1);
    }

    /**
     * The runs of capitalised words the question writes, each as stems, a sentence's first word too unless it is a
     * stop word or an auxiliary ("Shakespeare wrote 'Pride and Prejudice', didn't he?": shakespear, pride, prejudic).
     */
    List<List<String>> names() {
        return capitalised(true);
    }

    /**
     * The runs of capitalised words (stop words aside; a run goes on over spaces and hyphens), each as stems; with
     * {@code sentenceStarts}, a sentence's first word counts too unless it is an auxiliary.
     */
    private List<List<String>> capitalised(boolean sentenceStarts) {
        List<List<String>> runs = new ArrayList<>();
        if (text == null) {
            return runs;
        }
        List<String> run = new ArrayList<>();
        boolean sentenceStart = true;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                sentenceStart |= c == '.' || c == '!' || c == '?' || c == ':' || c == '\n';
                if (!run.isEmpty() && c != ' ' && c != '-') {
                    runs.add(run);
                    run = new ArrayList<>();
                }
                i++;
                continue;
            }
            int end = i;
            while (end < n && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            String word = text.substring(i, end).toLowerCase(java.util.Locale.ROOT);
            boolean counted = sentenceStarts ? !AUXILIARIES.contains(word) : !sentenceStart;
            // a unit after a degree sign is no name ("100 °C", "212°F")
            boolean unit = i > 0 && text.charAt(i - 1) == '\u00b0';
            if (Character.isUpperCase(c) && counted && !unit && !AnswerText.stopword(word)) {
                run.add(AnswerText.stem(word));
            } else if (!run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
            sentenceStart = false;
            i = end;
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /** Whether consecutive capitalised words of the question have these initials ("ecb": European Central Bank). */
    boolean hasInitials(String initials) {
        if (text == null) {
            return false;
        }
        StringBuilder run = new StringBuilder();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                if (c != ' ') {
                    run.setLength(0);
                }
                i++;
                continue;
            }
            int end = i;
            while (end < n && Character.isLetter(text.charAt(end))) {
                end++;
            }
            if (Character.isUpperCase(c)) {
                run.append(Character.toLowerCase(c));
                if (run.length() >= initials.length()
                        && run.substring(run.length() - initials.length()).equals(initials)) {
                    return true;
                }
            } else {
                run.setLength(0);
            }
            i = end;
        }
        return false;
    }

    /** The negations of the last question sentence ("Can I run it without root?": one). */
    int negations() {
        return negations;
    }

    /** Whether the question lists lettered options. */
    boolean hasOptions() {
        return !options.isEmpty();
    }

    /** The option texts with their letters. */
    Map<String, Character> options() {
        return options;
    }

    /** The text without quoted passages ('…', "…", “…”): the review or email a question asks about. */
    static String unquoted(String lower) {
        StringBuilder out = new StringBuilder(lower.length());
        int n = lower.length();
        int i = 0;
        while (i < n) {
            char c = lower.charAt(i);
            boolean opens = (c == '\'' || c == '"') && (i == 0 || !Quantities.isLetterOrDigit(lower.charAt(i - 1)));
            if (opens) {
                int close = i + 1;
                while (close < n && !(lower.charAt(close) == c
                        && (close + 1 == n || !Quantities.isLetterOrDigit(lower.charAt(close + 1))))) {
                    close++;
                }
                if (close < n && close > i + 1) {
                    out.append(' ');
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The last sentence that ends in a question mark, or the whole text when none does. */
    static String lastQuestion(String text) {
        int mark = text.lastIndexOf('?');
        if (mark < 0) {
            return text.strip();
        }
        int start = mark;
        while (start > 0) {
            char c = text.charAt(start - 1);
            if ((c == '.' || c == '!' || c == '?' || c == ':' || c == '\n') && (start == mark || text.charAt(start) == ' '
                    || text.charAt(start) == '\n')) {
                break;
            }
            start--;
        }
        return text.substring(start, mark + 1).strip();
    }

    /**
     * A label set listed after a colon without "or" ("Categories: Tech, Sports, Politics, Business."): at least three
     * items of at most three words each, else none.
     */
    private static List<List<String>> listed(String text) {
        // "(emergent / urgent / non-urgent)", "(constant, logarithmic, linear)"
        int open = text.lastIndexOf('(');
        int close = text.lastIndexOf(')');
        if (open >= 0 && close > open) {
            String inside = text.substring(open + 1, close);
            List<List<String>> listed = items(inside.indexOf('/') >= 0 ? inside.split("/") : inside.split(","), 2);
            if (!listed.isEmpty()) {
                return listed;
            }
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return List.of();
        }
        String part = text.substring(colon + 1).strip();
        while (!part.isEmpty() && !Quantities.isLetterOrDigit(part.charAt(part.length() - 1))) {
            part = part.substring(0, part.length() - 1);
        }
        return items(part.split(","), 3);
    }

    /** Each piece's stems, when there are at least {@code least} pieces of one to three words; else none. */
    private static List<List<String>> items(String[] pieces, int least) {
        if (pieces.length < least) {
            return List.of();
        }
        List<List<String>> alternatives = new ArrayList<>(pieces.length);
        for (String piece : pieces) {
            List<String> words = AnswerText.words(piece.strip().startsWith("and ") ? piece.strip().substring(4) : piece);
            if (words.isEmpty() || words.size() > 3) {
                return List.of();
            }
            List<String> stems = new ArrayList<>(words.size());
            for (String word : words) {
                stems.add(AnswerText.stem(word));
            }
            alternatives.add(List.copyOf(stems));
        }
        return List.copyOf(alternatives);
    }

    /**
     * "x or y", "x, y or z", "x, y, or z" in the last question sentence (after a colon when it has one): each
     * alternative's stems, the first one cut to as many words as the longest of the others. Fewer than two
     * alternatives, or one longer than four words: none.
     */
    static List<List<String>> alternatives(String sentence) {
        if (!sentence.contains(" or ")) {
            return listed(sentence);
        }
        List<List<String>> pieces = parallel(pieces(sentence));
        if (pieces.isEmpty()) {
            return List.of();
        }
        List<List<String>> alternatives = new ArrayList<>(pieces.size());
        for (List<String> piece : pieces) {
            List<String> stems = new ArrayList<>(piece.size());
            for (String word : piece) {
                stems.add(AnswerText.stem(word));
            }
            alternatives.add(List.copyOf(stems));
        }
        return List.copyOf(alternatives);
    }

    /**
     * The words of each piece of "x or y", "x, y or z" in a question sentence (after its last colon before the "or",
     * or inside the brackets that hold it), determiners first in a piece left out, the last piece ended where a
     * condition on the whole question starts ("… or buy a car if I plan to …"); the first piece runs from the start.
     */
    private static List<List<String>> pieces(String sentence) {
        int or = sentence.lastIndexOf(" or ");
        int from = sentence.lastIndexOf(':', or);
        // alternatives in brackets are all the alternatives ("… a tall, anvil-topped cloud (cumulus, cumulonimbus,
        // or stratus)")
        int open = sentence.lastIndexOf('(', or);
        int close = sentence.indexOf(')', or);
        String part = open > from && close > or ? sentence.substring(open + 1, close)
                : sentence.substring(from < 0 ? 0 : from + 1);
        int end = part.length();
        while (end > 0 && !Quantities.isLetterOrDigit(part.charAt(end - 1))) {
            end--;
        }
        part = part.substring(0, end);
        List<List<String>> pieces = new ArrayList<>();
        for (String comma : part.split(",")) {
            for (String piece : comma.split(" or ")) {
                List<String> words = new ArrayList<>(AnswerText.words(piece));
                while (!words.isEmpty() && DETERMINERS.contains(words.get(0))) {
                    words.remove(0);
                }
                if (!words.isEmpty()) {
                    pieces.add(words);
                }
            }
        }
        if (pieces.size() < 2) {
            return pieces;
        }
        // the last alternative runs to a condition on the whole question ("… or a document store for an app with …",
        // "… or buy a car if I plan to …", "… or a semaphore to guard …"): it ends there
        List<String> last = pieces.get(pieces.size() - 1);
        for (int k = 1; k < last.size() && last.size() > 4; k++) {
            if (QUALIFIERS.contains(last.get(k)) || last.get(k).equals("to")) {
                pieces.set(pieces.size() - 1, last.subList(0, k));
                break;
            }
        }
        return pieces;
    }

    /**
     * Pieces of at most four words after the first, the first cut to as many words as the longest of them and then
     * past a preposition the cut leaves first; none when there are fewer than two or one is longer.
     */
    private static List<List<String>> parallel(List<List<String>> pieces) {
        if (pieces.size() < 2) {
            return List.of();
        }
        int longest = 0;
        for (int k = 1; k < pieces.size(); k++) {
            longest = Math.max(longest, pieces.get(k).size());
        }
        if (longest > 4) {
            return List.of();
        }
        List<List<String>> cut = new ArrayList<>(pieces);
        List<String> first = pieces.get(0);
        int from = Math.max(0, first.size() - longest);
        // not a preposition the cut leaves first ("… about billing, technical issues or account access")
        while (from < first.size() - 1 && AnswerText.stopword(first.get(from)) && !AnswerText.hasOpposite(first.get(from))
                && !DETERMINERS.contains(first.get(from))) {
            from++;
        }
        cut.set(0, first.subList(from, first.size()));
        return cut;
    }

    /**
     * For a question that asks to choose between alternatives it writes out ("Should I use a mutex or an atomic
     * variable?", "Is it better to pay off the card or to invest the money?"): the content stems each alternative has
     * and no other has; none for any other question. Alternatives that are actions ("… lease or buy a car", "… or to
     * invest the money") may run to ten words, the first one from after what opens the question ("should I", "is it
     * better to"); others are {@link #alternatives}.
     */
    List<Set<String>> choices() {
        if (choices == null) {
            choices = text == null || !options.isEmpty() ? List.of() : choices(lastQuestion(unquoted(AnswerText.lower(text))));
        }
        return choices;
    }

    /** {@link #choices} of the last question sentence, lower-cased. */
    private static List<Set<String>> choices(String sentence) {
        List<String> words = AnswerText.words(sentence);
        if (words.isEmpty() || !(AUXILIARIES.contains(words.get(0)) || words.get(0).equals("which"))
                || !sentence.contains(" or ")) {
            return List.of();
        }
        List<List<String>> pieces = pieces(sentence);
        if (pieces.size() < 2) {
            return List.of();
        }
        List<String> last = pieces.get(pieces.size() - 1);
        // an adverb on the whole question ("Should I learn Python or JavaScript first?") is no part of the last one
        while (last.size() > 1 && WHOLE_QUESTION.contains(last.get(last.size() - 1))) {
            last = last.subList(0, last.size() - 1);
            pieces.set(pieces.size() - 1, last);
        }
        // an action: "to invest …", or a word before a determiner ("buy a car", "invest my spare money")
        boolean actions = last.get(0).equals("to") || last.size() > 1 && !AnswerText.stopword(last.get(0))
                && POSSESSIVES.contains(last.get(1));
        List<List<String>> alternatives = new ArrayList<>(pieces.size());
        if (actions) {
            List<String> first = pieces.get(0);
            int start = AUXILIARIES.contains(first.get(0)) ? 1 : 0;
            int to = first.indexOf("to");
            if (to >= start && to <= start + 3) {
                start = to + 1;
            } else if (start < first.size() && PRONOUNS.contains(first.get(start))) {
                start++;
            } else {
                return List.of();
            }
            pieces.set(0, first.subList(start, first.size()));
            for (List<String> piece : pieces) {
                if (piece.isEmpty() || piece.size() > 10) {
                    return List.of();
                }
                alternatives.add(piece);
            }
        } else {
            alternatives.addAll(parallel(pieces));
            if (alternatives.isEmpty()) {
                return List.of();
            }
        }
        List<Set<String>> stems = new ArrayList<>(alternatives.size());
        for (List<String> alternative : alternatives) {
            Set<String> own = new HashSet<>();
            for (String word : alternative) {
                if (!AnswerText.stopword(word) && !AnswerText.negation(word)) {
                    own.add(AnswerText.stem(word));
                }
            }
            stems.add(own);
        }
        for (int k = 0; k < stems.size(); k++) {
            Set<String> own = new HashSet<>(stems.get(k));
            for (int j = 0; j < stems.size(); j++) {
                if (j != k) {
                    own.removeAll(stems.get(j));
                }
            }
            if (own.isEmpty()) {
                return List.of();
            }
            stems.set(k, own);
        }
        return List.copyOf(stems);
    }

    /**
     * Labels a question offers as a range of numbered ones ("priority (P1–P4)", "Sev1-Sev3"): each label, from the
     * first to the last, as its one stem ("p1", "p2", …); none when it offers no such range.
     */
    static List<List<String>> ranged(String lower) {
        Matcher range = RANGE.matcher(lower);
        if (!range.find() || !range.group(1).equals(range.group(3))) {
            return List.of();
        }
        int from = Integer.parseInt(range.group(2));
        int to = Integer.parseInt(range.group(4));
        if (to <= from || to - from > 9) {
            return List.of();
        }
        List<List<String>> labels = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            labels.add(List.of(AnswerText.stem(range.group(1) + k)));
        }
        return List.copyOf(labels);
    }

    /** Whether the question asks for a name or a thing (who, whom, whose, which, what, where). */
    boolean asksForName() {
        if (yesNo || text == null) {
            return false;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length >= 3 && length <= 5) {
                String word = text.substring(start, i).toLowerCase(java.util.Locale.ROOT);
                if (word.equals("who") || word.equals("whom") || word.equals("whose") || word.equals("which")
                        || word.equals("what") || word.equals("where")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The question as asked, or {@code null} for none. */
    String text() {
        return text;
    }

    /**
     * The question's text in lower case, read once per question however many answers ask for it ({@link Numerals},
     * castling in {@link Equivalence}); empty for none.
     */
    String lowerText() {
        if (lowerText == null) {
            // (as racy as normalised: every thread computes the same string)
            lowerText = text == null ? "" : text.toLowerCase(Locale.ROOT);
        }
        return lowerText;
    }

    /** Content words (stemmed) of the question. */
    boolean mentions(String stem) {
        return stems.contains(stem);
    }

    /** Whether a word is a superlative ("largest", "busiest", "first"). */
    static boolean superlative(String word) {
        return word.length() > 5 && word.endsWith("est") || SHORT_SUPERLATIVES.contains(word);
    }

    /** Superlatives too short or too irregular to end in "-est" after five letters. */
    private static final Set<String> SHORT_SUPERLATIVES = Set.of("best", "worst", "first", "last", "most", "least");

    boolean ordered() {
        return ordered;
    }

    /** The quantities the question itself states. */
    List<Quantities.Quantity> quantities() {
        return quantities;
    }

    /** The option letter whose text the answer (normalised) is, or 0. */
    char option(String normalised) {
        if (options.isEmpty()) {
            return 0;
        }
        Character letter = options.get(normalised);
        return letter == null ? 0 : letter;
    }

    /**
     * Options written "A) text", "(A) text", "A. text" or "a) text", in letter order from A: the text of each runs to
     * the next option's letter. Fewer than two options in sequence: none.
     */
    static Map<String, Character> options(String lower) {
        Map<String, Character> lettered = options(lower, 'a');
        return lettered.isEmpty() ? options(lower, '1') : lettered;
    }

    /**
     * Options marked from {@code first} on ("a)", "b)" or "1)", "2)"); numbered options are keyed by the letter of
     * their place (1 is a).
     */
    private static Map<String, Character> options(String lower, char first) {
        Map<String, Character> options = new HashMap<>();
        int n = lower.length();
        char expected = first;
        int textStart = -1;
        for (int i = 0; i < n; i++) {
            char c = lower.charAt(i);
            if (c != expected || (i > 0 && lower.charAt(i - 1) != ' ' && lower.charAt(i - 1) != '(' && lower.charAt(i - 1) != '\n')) {
                continue;
            }
            boolean paren = i > 0 && lower.charAt(i - 1) == '(';
            if (i + 1 >= n) {
                break;
            }
            char after = lower.charAt(i + 1);
            boolean marker = paren ? after == ')' : (after == ')' || after == '.' || after == ':');
            if (!marker || i + 2 >= n || lower.charAt(i + 2) != ' ') {
                continue;
            }
            if (textStart >= 0) {
                add(options, lower.substring(textStart, paren ? i - 1 : i), (char) ('a' + expected - 1 - first));
            }
            textStart = i + 3;
            expected++;
        }
        if (textStart >= 0 && expected > first) {
            add(options, lower.substring(textStart), (char) ('a' + expected - 1 - first));
        }
        return expected - first >= 2 ? options : Map.of();
    }

    /** Whether the options are numbered ("1) Oxygen 2) Argon") rather than lettered. */
    boolean numbered() {
        return numbered;
    }

    private static void add(Map<String, Character> options, String text, char letter) {
        String key = AnswerKey.normalise(text);
        if (!key.isEmpty()) {
            options.put(key, letter);
        }
    }
}
