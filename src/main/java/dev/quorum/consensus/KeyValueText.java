package dev.quorum.consensus;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structured answers written as key-value text rather than JSON ("host=localhost; port=5432", "port: 5432, host:
 * localhost", one {@code key: value} per line, "{host: localhost, port: 5432}"), read as the JSON object they stand
 * for, so they compare with each other and with JSON by content: keys in any order, numbers by value ({@code total:
 * 59.97} is {@code "total": 59.97}). Strict, so prose is never taken for data: the whole text is pairs, at least two,
 * each key one identifier written once, each value at most {@value #MAX_VALUE_WORDS} words or quoted.
 * <p>
 * Read here rather than by a library: no format a library parses is this one (YAML reads "port: 5432, host:
 * localhost" as one string, {@link java.util.Properties} knows neither "," nor ";" between pairs), and the reading
 * is one pass over at most {@value #MAX_LENGTH} characters.
 */
final class KeyValueText {

    /** A value of more words is prose ("Reason: the server is down"), not data. */
    static final int MAX_VALUE_WORDS = 3;

    /** Longer texts are not read (a bound on the cost of a hostile answer; key-value answers are short). */
    static final int MAX_LENGTH = 2_000;

    private static final Pattern PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_.\\-]{0,63})\\s*[=:]\\s*(\\S.*)");
    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]{1,3})?");

    private KeyValueText() {
    }

    /** The object the text writes as key-value pairs, or null when it is not wholly such pairs. */
    static ObjectNode parse(String text) {
        if (text == null || text.length() > MAX_LENGTH || (text.indexOf('=') < 0 && text.indexOf(':') < 0)) {
            return null;
        }
        if (text.length() >= 2 && text.charAt(0) == '{' && text.charAt(text.length() - 1) == '}') {
            // JSON-like braces around unquoted pairs ("{host: localhost, port: 5432}")
            text = text.substring(1, text.length() - 1);
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (String segment : segments(text)) {
            String pair = segment.strip();
            if (pair.isEmpty()) {
                continue;
            }
            Matcher matcher = PAIR.matcher(pair);
            if (!matcher.matches()) {
                return null;
            }
            String key = matcher.group(1);
            if (object.has(key)) {
                return null;
            }
            String value = matcher.group(2).strip();
            if (quoted(value)) {
                object.put(key, value.substring(1, value.length() - 1));
            } else if (value.split("\\s+").length > MAX_VALUE_WORDS || value.indexOf('"') >= 0) {
                return null;
            } else if (NUMBER.matcher(value).matches()) {
                object.put(key, new BigDecimal(value));
            } else if (value.equals("true") || value.equals("false")) {
                object.put(key, Boolean.parseBoolean(value));
            } else if (value.equals("null")) {
                object.putNull(key);
            } else {
                object.put(key, value);
            }
        }
        return object.size() >= 2 ? object : null;
    }

    /** The text cut at each comma, semicolon and line break outside quotes. */
    private static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' && (i == 0 || !Character.isLetter(text.charAt(i - 1)))) {
                quote = c;
            } else if (c == ',' || c == ';' || c == '\n') {
                segments.add(text.substring(start, i));
                start = i + 1;
            }
        }
        segments.add(text.substring(start));
        return segments;
    }

    private static boolean quoted(String value) {
        return value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)
                && value.indexOf(value.charAt(0), 1) == value.length() - 1;
    }
}
