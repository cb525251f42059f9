package dev.quorum.consensus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an answer says, reduced to a key that equal answers share: the text normalised (case, whitespace, markdown
 * emphasis, punctuation, a trailing period) and, for short answers, the answer extracted from its wording: a JSON
 * value (numbers by value: 1.0 is 1), yes or no ("Yep", "Correct.", "No doubt, it is." are yes; "No one knows." is
 * neither), a choice letter ("B", "(c)", "B. Paris", "a) Paris", "I think it's B"; with the question's options, the
 * option's text too), or a single quantity with its unit ("42", "forty-two", "4.2e1", "1 000", "3.5GB" = "3.5 GB",
 * "500 mg" = "0.5 g"). A preamble ("The answer is", "Answer:", "It's") is dropped, so "It's Paris." is "Paris.".
 * A negated short answer ("The answer is not 42.") keeps its words. Two long texts only share a key when they are
 * the same text.
 */
public final class AnswerKey {

    /** Answers of at most this many words are searched for a short answer (number, yes/no, choice letter). */
    static final int SHORT_WORDS = 12;
    /** Options named by their place, in order ("the second option"). */
    private static final List<String> PLACES = List.of("first", "second", "third", "fourth", "fifth");

    /**
     * A short answer with more content words than this besides its number (and the question's own words) is a
     * statement, not a number: "The board increased the dividend by 10%" and "The board cut the dividend by 10%" are
     * two answers, not the number 10 %.
     */
    static final int MAX_WORDS_BESIDE_NUMBER = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MathContext DIGITS = new MathContext(12);

    /** Openings that say "here comes the answer", longest first. */
    private static final String[] PREAMBLES = {"the correct answer is", "the right answer is", "the final answer is",
        "the best answer is", "my final answer is", "my answer is", "the answer would be", "the answer is",
        "final answer:", "final answer", "correct answer:", "answer:", "answer -", "the correct option is",
        "the right option is", "the correct choice is", "i'd go with", "i would go with", "i'll go with", "i'd pick",
        "i would pick", "i'd choose", "i would choose", "i choose", "i pick", "my pick is", "my choice is",
        "i think it's", "i think it is", "i believe it's", "i believe it is", "i'd say it's", "i'd say", "i would say",
        "it would be", "it should be", "that would be", "most likely", "probably", "likely", "it's", "it is", "its"};

    /** The preambles normalised, each with the space that follows it. */
    private static final String[] PLAIN_PREAMBLES = new String[PREAMBLES.length];

    static {
        for (int i = 0; i < PREAMBLES.length; i++) {
            PLAIN_PREAMBLES[i] = normaliseLower(PREAMBLES[i]) + " ";
        }
    }

    private AnswerKey() {
    }

    /** The key answers are counted by in a majority vote. */
    public static String of(String answer) {
        return of(answer, Question.NONE);
    }

    /** The key, with a multiple-choice question's options: an answer that is an option's text is that option. */
    static String of(String answer, Question question) {
        if (answer == null) {
            return "";
        }
        String text = answer.strip();
        JsonNode json = structured(text);
        if (json != null) {
            return "json:" + canonical(json);
        }
        String lower = AnswerText.lower(unfence(text));
        String normalised = normaliseLower(lower);
        if (normalised.isEmpty() || words(normalised) > SHORT_WORDS) {
            return normalised;
        }
        if (question.numbered()) {
            // "2", "2)", "option 2" to "1) Oxygen 2) Argon 3) Nitrogen" is the second option
            String stripped = stripPreamble(normalised);
            if (stripped.startsWith("option ")) {
                stripped = stripped.substring(7);
            }
            if (stripped.length() == 1 && stripped.charAt(0) >= '1' && stripped.charAt(0) < '1' + question.options().size()) {
                return "choice:" + (char) ('a' + stripped.charAt(0) - '1');
            }
        }
        String extracted = extract(lower, normalised, question);
        if (extracted != null) {
            return extracted;
        }
        String stripped = stripPreamble(normalised);
        char option = question.option(stripped);
        if (option == 0 && question.hasOptions()) {
            option = mentionedOption(stripped, question);
        }
        return option != 0 ? "choice:" + option : stripped;
    }

    /** Whether a key holds an extracted short answer or a JSON value rather than normalised free text. */
    public static boolean isShortAnswer(String key) {
        return key.equals("yes") || key.equals("no") || key.startsWith("choice:") || key.startsWith("number:")
                || key.startsWith("json:");
    }

    /**
     * Lower case, markdown emphasis removed, whitespace collapsed, surrounding quotes and trailing punctuation
     * dropped; punctuation between words becomes a space, except inside numbers (3.14, 1,000), a minus before a
     * number or a word ("−sin x", a flag "-v"), and the + and # of names such as C++ and C#.
     */
    public static String normalise(String answer) {
        if (answer == null) {
            return "";
        }
        return normaliseLower(AnswerText.lower(answer));
    }

    private static String normaliseLower(String text) {
        // whitespace and the punctuation that becomes a space collapse into one space, none at either end
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        boolean math = false;
        for (int i = 0; i < text.length() && !math; i++) {
            math = AnswerText.mathSymbol(text.charAt(i));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (math && (c == '(' || c == ')' || c == '[' || c == ']')) {
                // in mathematics brackets mean something: [5, ∞) is not (5, ∞)
                out.append(out.length() > 0 && !space ? "" : out.length() > 0 ? " " : "").append(c);
                space = false;
                continue;
            }
            if (c == '=' || c == '<' || c == '>' || (c == '!' && i + 1 < text.length() && text.charAt(i + 1) == '=')) {
                // comparison and assignment operators are part of a code answer: "age > 30" is not "age >= 30"
                if (out.length() > 0 && !isOperator(out.charAt(out.length() - 1))) {
                    out.append(' ');
                }
                out.append(c);
                space = true;
                continue;
            }
            if ((c == '/' || c == '*' || c == '%' || c == '+') && i > 0 && text.charAt(i - 1) == ' ') {
                // an arithmetic operator standing apart ("7 // 2", "a * b"): part of a code answer
                int end = i;
                while (end < text.length() && text.charAt(end) == c) {
                    end++;
                }
                if (end < text.length() && text.charAt(end) == ' ') {
                    out.append(out.length() > 0 ? " " : "").append(text, i, end);
                    space = true;
                    i = end - 1;
                    continue;
                }
            }
            if (AnswerText.mathSymbol(c)) {
                // ∧ and ∨, ≤ and <: a word of their own
                out.append(out.length() > 0 ? " " : "").append(c);
                space = true;
                continue;
            }
            boolean kept = Character.isLetterOrDigit(c)
                    || (c == '^' && i + 1 < text.length() && (Character.isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '-'))
                    || (c == '-' && i > 0 && text.charAt(i - 1) == '^')
                    || ((c == '.' || c == ',') && i > 0 && i + 1 < text.length()
                        && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1)))
                    || (c == '-' && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1))
                        && (i == 0 || Character.isWhitespace(text.charAt(i - 1))))
                    || ((c == '+' || c == '#') && i > 0 && (Character.isLetter(text.charAt(i - 1))
                        || (c == '+' && text.charAt(i - 1) == '+')));
            if (!kept) {
                space = out.length() > 0;
            } else {
                if (space || (out.length() > 0 && isOperator(out.charAt(out.length() - 1)))) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The short answer inside a short text, as a typed key ({@code yes}, {@code no}, {@code choice:b},
     * {@code number:42}, {@code number:3500000000 byte}), or {@code null} when the text is long or says no single
     * short thing. {@code lower} is the text in lower case with its punctuation, {@code normalised} without it.
     */
    static String extract(String lower, String normalised, Question question) {
        AnswerText.Stance stance = AnswerText.stance(lower);
        if (stance.present()) {
            return stance.value();
        }
        String core = lower.substring(preambleEnd(lower));
        char letter = choice(core);
        if (letter != 0) {
            return "choice:" + letter;
        }
        if (!hasDigit(core) && !hasNumberWord(normalised)) {
            return null;
        }
        if (codeLike(core)) {
            return null;
        }
        List<String> words = AnswerText.words(core);
        Set<String> others = new HashSet<>(4);
        for (String word : words) {
            if (AnswerText.negation(word) || Character.isLetter(word.charAt(0)) && hasDigit(word)) {
                // nor is a name with digits in it ("H2", "GHS02", "B12") a number
                return null;
            }
            if (!AnswerText.stopword(word) && !Quantities.isDigit(word.charAt(0)) && !Quantities.isNumberWord(word)
                    && !Quantities.isUnit(word) && !question.mentions(AnswerText.stem(word))) {
                others.add(word);
            }
        }
        // a number inside a statement ("Einstein proposed it in 1915") is not the answer on its own
        if (others.size() > MAX_WORDS_BESIDE_NUMBER) {
            return null;
        }
        List<Quantities.Quantity> quantities = Quantities.parse(core);
        if (quantities.size() != 1) {
            return null;
        }
        Quantities.Quantity q = quantities.get(0);
        for (Quantities.Quantity asked : question.quantities()) {
            if (q.matches(asked, false) && !"month".equals(q.unit())) {
                // a number the question states ("Who wrote '1984'?") is not the answer
                return null;
            }
        }
        if (!Double.isFinite(q.value())) {
            // a run of digits longer than a double holds ("9999…" thousands of times) is no number to key on
            return null;
        }
        String value = new BigDecimal(q.value()).round(DIGITS).stripTrailingZeros().toPlainString();
        return "number:" + value + (q.unit() == null ? "" : " " + q.unit());
    }

    /**
     * Whether a text reads as code (an assignment, a comparison, a statement end, braces, brackets, or a call such as
     * {@code f(x)}): its numbers are not the answer, and its operators are part of its key.
     */
    static boolean codeLike(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=' || c == ';' || c == '{' || c == '}' || c == '[' || c == ']' || c == '<' || c == '>'
                    || (c == '(' && i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static int words(String normalised) {
        int words = 1;
        for (int i = 0; i < normalised.length(); i++) {
            if (normalised.charAt(i) == ' ') {
                words++;
            }
        }
        return words;
    }

    private static boolean hasNumberWord(String normalised) {
        return normalised.contains("one") || normalised.contains("two") || normalised.contains("three")
                || normalised.contains("four") || normalised.contains("five") || normalised.contains("six")
                || normalised.contains("seven") || normalised.contains("eight") || normalised.contains("nine")
                || normalised.contains("ten") || normalised.contains("eleven") || normalised.contains("twelve")
                || normalised.contains("teen") || normalised.contains("ty") || normalised.contains("hundred")
                || normalised.contains("thousand") || normalised.contains("zero");
    }

    /**
     * The letter of the one option whose text a short answer names ("It's Paris, the capital" for "A) Lyon B) Paris"),
     * or 0 when it names none or several.
     */
    private static char mentionedOption(String normalised, Question question) {
        char found = 0;
        String padded = " " + normalised + " ";
        for (Map.Entry<String, Character> option : question.options().entrySet()) {
            if (padded.contains(" " + option.getKey() + " ")) {
                if (found != 0 && found != option.getValue()) {
                    return 0;
                }
                found = option.getValue();
            }
        }
        return found != 0 ? found : numberedOption(padded, question);
    }

    /**
     * The letter of an option named by its place at the start of an answer without a negation ("The second option.",
     * "Third one"), or, where the options are numbers, of the one option whose number is every number the answer says
     * ("Seven." for "A. 5 B. 7"; not "Unlike insects with six legs, spiders have eight."); else 0.
     */
    private static char numberedOption(String padded, Question question) {
        String opening = padded.startsWith(" the ") ? padded.substring(4) : padded;
        boolean negated = AnswerText.words(padded).stream().anyMatch(AnswerText::negation);
        for (int k = 0; k < PLACES.size() && k < question.options().size() && !negated; k++) {
            for (String noun : new String[] {" option ", " choice ", " one ", " answer "}) {
                if (opening.startsWith(" " + PLACES.get(k) + noun)) {
                    return (char) ('a' + k);
                }
            }
        }
        List<Quantities.Quantity> said = Quantities.parse(padded.strip());
        for (Quantities.Quantity q : said) {
            if (q.value() != said.get(0).value()) {
                return 0;
            }
        }
        char found = 0;
        for (Map.Entry<String, Character> option : question.options().entrySet()) {
            List<Quantities.Quantity> number = Quantities.parse(option.getKey());
            if (number.size() != 1 || number.get(0).unit() != null || said.isEmpty()) {
                return 0;
            }
            if (said.get(0).value() == number.get(0).value()) {
                if (found != 0) {
                    return 0;
                }
                found = option.getValue();
            }
        }
        return found;
    }

    /** Where the answer starts after a preamble such as "The answer is" or "It's" (in a lower-cased text). */
    static int preambleEnd(String lower) {
        int start = 0;
        while (start < lower.length() && (lower.charAt(start) == ' ' || lower.charAt(start) == '"'
                || lower.charAt(start) == '\'')) {
            start++;
        }
        for (String preamble : PREAMBLES) {
            if (lower.startsWith(preamble, start)) {
                int end = start + preamble.length();
                if (end == lower.length() || Quantities.isLetterOrDigit(lower.charAt(end))) {
                    continue;
                }
                while (end < lower.length() && (lower.charAt(end) == ' ' || lower.charAt(end) == ':'
                        || lower.charAt(end) == '"' || lower.charAt(end) == '\'')) {
                    end++;
                }
                return end;
            }
        }
        return start;
    }

    /** The normalised answer without a preamble: "the answer is paris" is "paris". */
    static String stripPreamble(String normalised) {
        for (String preamble : PLAIN_PREAMBLES) {
            if (normalised.startsWith(preamble) && normalised.length() > preamble.length()) {
                return normalised.substring(preamble.length());
            }
        }
        return normalised;
    }

    /**
     * The choice letter a lower-cased short answer names: alone ("b", "(b)", "b."), leading its option ("b. paris",
     * "b - paris", "a) paris", "(b) mercury"), after "option", "choice" or "answer" ("option c", "the answer is d",
     * "answer: b"), or at the end in parentheses, after a colon or as a conclusion ("pacific (b)", "heapsort is the
     * one: b.", "o(n log n), so b"); in brackets too ("[c]"); else 0.
     */
    static char choice(String core) {
        int n = core.length();
        int i = 0;
        boolean paren = false;
        char close = ')';
        if (i < n && (core.charAt(i) == '(' || core.charAt(i) == '[')) {
            close = core.charAt(i) == '(' ? ')' : ']';
            paren = true;
            i++;
        }
        if (i < n && isChoice(core.charAt(i)) && (i + 1 == n || !Quantities.isLetterOrDigit(core.charAt(i + 1)))) {
            char letter = core.charAt(i);
            int j = i + 1;
            if (paren) {
                if (j < n && core.charAt(j) == close) {
                    return letter;
                }
            } else {
                if (j == n) {
                    return letter;
                }
                char after = core.charAt(j);
                if (after == '.' || after == ')' || after == ':') {
                    return letter;
                }
                if (after == ' ' && j + 1 < n && (core.charAt(j + 1) == '-' || core.charAt(j + 1) == '\u2013'
                        || core.charAt(j + 1) == '\u2014' || core.charAt(j + 1) == ':')) {
                    return letter;
                }
            }
        }
        // "option c", "choice (b)", "answer: d", "answer is b" anywhere
        for (String word : new String[] {"option", "choice", "answer"}) {
            int at = core.indexOf(word);
            while (at >= 0) {
                if (at == 0 || !Quantities.isLetter(core.charAt(at - 1))) {
                    int j = at + word.length();
                    if (core.startsWith(" is", j)) {
                        j += 3;
                    }
                    while (j < n && (core.charAt(j) == ' ' || core.charAt(j) == ':' || core.charAt(j) == '(')) {
                        j++;
                    }
                    if (j < n && isChoice(core.charAt(j)) && (j + 1 == n || !Quantities.isLetterOrDigit(core.charAt(j + 1)))
                            && j > at + word.length()) {
                        return core.charAt(j);
                    }
                }
                at = core.indexOf(word, at + 1);
            }
        }
        // at the end: "pacific (b)", "heapsort is the one: b."
        int end = n;
        while (end > 0 && (core.charAt(end - 1) == '.' || core.charAt(end - 1) == ' ' || core.charAt(end - 1) == '!')) {
            end--;
        }
        if (end >= 3 && core.charAt(end - 1) == ')' && core.charAt(end - 3) == '(' && isChoice(core.charAt(end - 2))) {
            return core.charAt(end - 2);
        }
        if (end >= 3 && isChoice(core.charAt(end - 1)) && core.charAt(end - 2) == ' ' && core.charAt(end - 3) == ':') {
            return core.charAt(end - 1);
        }
        // a conclusion: "o(n log n), so b." (not after an arrow: "g7 → c" is a chord's move, "b → c" an option's text)
        for (String lead : new String[] {", so ", " so it's ", " so it is ", ", hence ", ", i.e. "}) {
            if (end >= lead.length() + 1 && core.startsWith(lead, end - 1 - lead.length())
                    && isChoice(core.charAt(end - 1))) {
                return core.charAt(end - 1);
            }
        }
        return 0;
    }

    private static boolean isOperator(char c) {
        return c == '=' || c == '<' || c == '>' || c == '!';
    }

    private static boolean isChoice(char c) {
        return c >= 'a' && c <= 'e';
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The JSON value an answer gives, or the object its key-value text writes ("host=localhost; port=5432",
     * {@link KeyValueText}); null for anything else.
     */
    static JsonNode structured(String answer) {
        JsonNode json = json(answer);
        return json != null || answer == null ? json : KeyValueText.parse(answer.strip());
    }

    /**
     * The answer as JSON (an object or array, possibly in a markdown code fence, or the one fenced block of an answer
     * that says little else), or {@code null}.
     */
    public static JsonNode json(String answer) {
        if (answer == null) {
            return null;
        }
        String text = answer.strip();
        if (text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        if (first != '{' && first != '[' && first != '`') {
            int fence = text.indexOf("```");
            if (fence < 0 || words(AnswerKey.normalise(text.substring(0, fence))) > SHORT_WORDS) {
                return null;
            }
            int close = text.indexOf("```", fence + 3);
            if (close < 0 || !text.substring(close + 3).isBlank()) {
                return null;
            }
            text = text.substring(fence);
        }
        text = unfence(text);
        if (text.isEmpty() || (text.charAt(0) != '{' && text.charAt(0) != '[')) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            return node != null && node.isContainerNode() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * A JSON value written with object keys sorted and numbers by value (1.0 and 1, 0.90 and 0.9 are equal), so equal
     * values have equal text.
     */
    static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder(64);
        write(node, out);
        return out.toString();
    }

    /**
     * The canonical text of a JSON value with every object key in lower case, or null when two keys of one object are
     * one key in lower case ("AA", "Aa", "aa": genotypes, not one key written three ways).
     */
    static String canonicalLowerKeys(JsonNode node) {
        JsonNode lowered = lowerKeys(node);
        return lowered == null ? null : canonical(lowered);
    }

    private static JsonNode lowerKeys(JsonNode node) {
        if (node.isObject()) {
            ObjectNode lowered = MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = lowerKeys(field.getValue());
                if (value == null || lowered.replace(field.getKey().toLowerCase(Locale.ROOT), value) != null) {
                    return null;
                }
            }
            return lowered;
        }
        if (node.isArray()) {
            ArrayNode lowered = MAPPER.createArrayNode();
            for (JsonNode element : node) {
                JsonNode value = lowerKeys(element);
                if (value == null) {
                    return null;
                }
                lowered.add(value);
            }
            return lowered;
        }
        return node;
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                sorted.put(field.getKey(), field.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(quoted(field.getKey())).append(':');
                write(field.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            out.append(value.signum() == 0 ? "0" : value.toPlainString());
        } else if (node.isTextual()) {
            out.append(quoted(node.textValue()));
        } else {
            out.append(node.toString());
        }
    }

    private static String quoted(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a JSON answer's scalar values, in order ({"answer":"Paris"} is "Paris"). */
    static List<String> scalars(JsonNode node) {
        List<String> values = new ArrayList<>();
        collect(node, values);
        return values;
    }

    private static void collect(JsonNode node, List<String> values) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                collect(child, values);
            }
        } else if (!node.isNull()) {
            values.add(node.asText());
        }
    }

    /**
     * The body of a text that is one markdown code fence, without its fences and its language word ("```sql"); a first
     * line that is no language word is part of the body. The text itself when it is no fence.
     */
    static String unfence(String text) {
        if (!text.startsWith("```") || !text.endsWith("```") || text.length() < 6) {
            return text;
        }
        int firstLine = text.indexOf('\n');
        int bodyStart = firstLine < 0 ? 3 : firstLine + 1;
        String language = text.substring(3, firstLine < 0 ? 3 : firstLine).strip();
        for (int i = 0; i < language.length(); i++) {
            if (!Character.isLetter(language.charAt(i))) {
                bodyStart = 3;
                break;
            }
        }
        int bodyEnd = text.length() - 3;
        return bodyStart >= bodyEnd ? "" : text.substring(bodyStart, bodyEnd).strip();
    }
}
