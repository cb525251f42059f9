package dev.quorum.prompt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A prompt template's text split once into literal text and {@code {{name}}} placeholders, so rendering a request
 * is a walk over the parts with no parsing. A placeholder is two opening braces, optional spaces, a name of letters,
 * digits and '_' that starts with a letter or '_', optional spaces and two closing braces; any other braces are text.
 * Rendering is one pass: a variable's value goes into the output as it is and is never read for placeholders again,
 * so a caller whose value holds {@code {{secret}}} gets those braces back, not another variable (docs/security.md).
 */
public final class TemplateText {

    /** The longest variable name. */
    public static final int MAX_NAME_CHARS = 64;

    private final String text;
    private final List<Object> parts;
    private final List<String> variables;

    private TemplateText(String text, List<Object> parts, List<String> variables) {
        this.text = text;
        this.parts = parts;
        this.variables = variables;
    }

    /** Splits {@code text} into its parts; the variables are listed in the order they first appear. */
    public static TemplateText parse(String text) {
        List<Object> parts = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        int literalStart = 0;
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                break;
            }
            int end = placeholderEnd(text, open);
            if (end < 0) {
                i = open + 1;
                continue;
            }
            if (open > literalStart) {
                parts.add(text.substring(literalStart, open));
            }
            String name = text.substring(open + 2, end - 2).strip();
            parts.add(new Placeholder(name));
            names.add(name);
            literalStart = end;
            i = end;
        }
        if (literalStart < text.length()) {
            parts.add(text.substring(literalStart));
        }
        return new TemplateText(text, List.copyOf(parts), List.copyOf(names));
    }

    /** The end (exclusive) of the placeholder opening at {@code open}, or -1 when the braces there are plain text. */
    private static int placeholderEnd(String text, int open) {
        int i = open + 2;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        int nameStart = i;
        if (i >= text.length() || !nameStart(text.charAt(i))) {
            return -1;
        }
        while (i < text.length() && namePart(text.charAt(i))) {
            i++;
        }
        if (i - nameStart > MAX_NAME_CHARS) {
            return -1;
        }
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return text.startsWith("}}", i) ? i + 2 : -1;
    }

    private static boolean nameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean namePart(char c) {
        return nameStart(c) || c >= '0' && c <= '9';
    }

    /** The text as written. */
    public String text() {
        return text;
    }

    /** The variables the text uses, in the order they first appear. */
    public List<String> variables() {
        return variables;
    }

    /**
     * The text with each placeholder replaced by its value, in one pass; {@code values} holds every variable the text
     * uses (checked by {@link PromptTemplate#render}).
     */
    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (Object part : parts) {
            if (part instanceof Placeholder placeholder) {
                out.append(values.get(placeholder.name()));
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    private record Placeholder(String name) {
    }
}
