package dev.quorum.consensus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an answer says, reduced to a key that equal answers share: the text normalised (case, whitespace, markdown
 * emphasis, punctuation, a trailing period) and, for short answers, the answer extracted from its wording: a JSON
 * value, yes or no, a choice letter, or a single number. "Yes, it is." and "yes" get the same key, as do "The answer
 * is 42." and "42.0"; two long texts only share a key when they are the same text.
 */
public final class AnswerKey {

    /** Answers of at most this many words are searched for a short answer (number, yes/no, choice letter). */
    static final int SHORT_WORDS = 12;

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Pattern FENCE = Pattern.compile("^```[a-zA-Z]*\\s*(.*?)\\s*```$", Pattern.DOTALL);
    private static final Pattern EMPHASIS = Pattern.compile("[*_`]+");
    private static final Pattern YES_NO = Pattern.compile("^(yes|no)\\b");
    private static final Pattern CHOICE = Pattern.compile(
            "^(?:(?:the\\s+)?(?:correct\\s+)?(?:answer|option|choice)(?:\\s+is)?\\s*:?\\s*)?\\(?([a-e])\\)?(?:[.):]|\\s*$|\\s+[-–:]|\\s+\\(?because)");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\w])|(?<![\\w.])-?\\d+(?:\\.\\d+)?(?![\\w])");

    private AnswerKey() {
    }

    /** The key answers are counted by in a majority vote. */
    public static String of(String answer) {
        if (answer == null) {
            return "";
        }
        String text = unfence(answer.strip());
        JsonNode json = json(text);
        if (json != null) {
            return "json:" + canonical(json);
        }
        String normalised = normalise(text);
        String extracted = extract(normalised);
        return extracted != null ? extracted : normalised;
    }

    /** Whether a key holds an extracted short answer or a JSON value rather than normalised free text. */
    public static boolean isShortAnswer(String key) {
        return key.equals("yes") || key.equals("no") || key.startsWith("choice:") || key.startsWith("number:")
                || key.startsWith("json:");
    }

    /**
     * Lower case, markdown emphasis removed, whitespace collapsed, surrounding quotes and trailing punctuation
     * dropped; punctuation between words becomes a space, except inside numbers (3.14, 1,000).
     */
    public static String normalise(String answer) {
        if (answer == null) {
            return "";
        }
        String text = answer.toLowerCase(Locale.ROOT);
        if (text.indexOf('*') >= 0 || text.indexOf('_') >= 0 || text.indexOf('`') >= 0) {
            text = EMPHASIS.matcher(text).replaceAll("");
        }
        // whitespace and the punctuation that becomes a space collapse into one space, none at either end
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean kept = Character.isLetterOrDigit(c)
                    || ((c == '.' || c == ',') && i > 0 && i + 1 < text.length()
                        && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1)))
                    || (c == '-' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))
                        && (i == 0 || Character.isWhitespace(text.charAt(i - 1))));
            if (!kept) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The short answer inside a normalised short text, as a typed key ({@code yes}, {@code no}, {@code choice:b},
     * {@code number:42}), or {@code null} when the text is long or says no single short thing.
     */
    static String extract(String normalised) {
        if (normalised.isEmpty() || normalised.split(" ").length > SHORT_WORDS) {
            return null;
        }
        Matcher yesNo = YES_NO.matcher(normalised);
        if (yesNo.find()) {
            return yesNo.group(1);
        }
        if (normalised.equals("true")) {
            return "yes";
        }
        if (normalised.equals("false")) {
            return "no";
        }
        Matcher choice = CHOICE.matcher(normalised);
        if (choice.find() && (choice.group(1).length() == 1)
                && (normalised.length() == 1 || !normalised.startsWith("a "))) {
            return "choice:" + choice.group(1);
        }
        if (!hasDigit(normalised)) {
            return null;
        }
        Matcher number = NUMBER.matcher(normalised);
        String found = null;
        while (number.find()) {
            if (found != null) {
                return null;
            }
            found = number.group();
        }
        if (found != null) {
            try {
                return "number:" + new BigDecimal(found.replace(",", "")).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The answer as JSON (an object or array, possibly in a markdown code fence), or {@code null}. */
    public static JsonNode json(String answer) {
        if (answer == null) {
            return null;
        }
        String text = unfence(answer.strip());
        if (text.isEmpty() || (text.charAt(0) != '{' && text.charAt(0) != '[')) {
            return null;
        }
        try {
            JsonNode node = CANONICAL.readTree(text);
            return node != null && node.isContainerNode() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A JSON value written with object keys sorted, so equal values have equal text. */
    static String canonical(JsonNode node) {
        try {
            Object plain = CANONICAL.treeToValue(node, Object.class);
            return CANONICAL.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private static String unfence(String text) {
        Matcher fence = FENCE.matcher(text);
        return fence.matches() ? fence.group(1) : text;
    }
}
