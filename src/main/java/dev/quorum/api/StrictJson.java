package dev.quorum.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Reads untrusted JSON (request bodies, dropped files, Kafka records) strictly, and turns every way it can be wrong
 * into an {@link InvalidRequestException} that names the field and says what was expected, never a 500. One JSON value
 * and nothing after it ({@code DeserializationFeature.FAIL_ON_TRAILING_TOKENS}); no name twice in an object
 * ({@code STRICT_DUPLICATE_DETECTION}); nesting, numbers, names and strings bounded by {@link StreamReadConstraints}
 * before anything is built from them; unknown fields and every type coercion (a number for a string, a string or a
 * fraction for a whole number, ...) refused. Readers are made once and shared: a request costs one parser.
 */
public final class StrictJson {

    /** How deep objects and arrays may nest in a request: Quorum's own requests need five levels. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** The most characters a JSON number may have: more than any number a request needs, far below a DoS. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** The most characters a field name may have. */
    public static final int MAX_NAME_LENGTH = 256;

    /** Says what a field should hold, for an error message: "must be a positive whole number". */
    @FunctionalInterface
    public interface Expectations {
        /**
         * What {@code field} (a top-level field) should hold, or, for {@code element}, what each element of that
         * array should be; {@code null} when there is nothing more specific to say than "the wrong type".
         */
        String expected(String field, boolean element);
    }

    private final ObjectMapper mapper;
    private final ObjectReader treeReader;
    private final int maxStringLength;

    /** Strings (prompts, system texts, any string anywhere) longer than {@code maxStringLength} chars are refused. */
    public StrictJson(int maxStringLength) {
        this.maxStringLength = maxStringLength;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(new Limits(maxStringLength))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonMapper strict = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // nothing becomes a string, a number or a list that was not written as one ...
                .withCoercionConfigDefaults(config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // ... except that 1 is a fine value for a number that may have a fraction
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert))
                .build();
        this.mapper = strict;
        this.treeReader = strict.readerFor(JsonNode.class);
    }

    /** The strict reader for {@code type}: make it once, at start, and pass it to {@link #read}. */
    public ObjectReader readerFor(Class<?> type) {
        return mapper.readerFor(type);
    }

    /** The longest string accepted anywhere. */
    public int maxStringLength() {
        return maxStringLength;
    }

    /**
     * Reads JSON bytes into a tree (no types checked beyond JSON itself); {@code what} names the input in errors
     * ("the request body", "the record value"). An empty input is an error, as is anything after the first value.
     */
    public JsonNode tree(byte[] json, String what) {
        return read(treeReader, json, what, (field, element) -> null);
    }

    /** Binds JSON bytes with a reader made by {@link #readerFor}; {@code null} for the JSON literal {@code null}. */
    public <T> T read(ObjectReader reader, byte[] json, String what, Expectations expectations) {
        if (json == null || json.length == 0) {
            throw empty(what);
        }
        JsonParser parser = null;
        try {
            parser = reader.createParser(json);
            return reader.readValue(parser);
        } catch (JacksonException e) {
            throw failure(e, parser, what, expectations);
        } catch (IOException e) {
            throw new InvalidRequestException(null, what + " could not be read: " + e.getMessage());
        } finally {
            close(parser);
        }
    }

    /** Binds a tree (an OpenAI request translated, a Kafka record with its id added) as {@link #read} binds bytes. */
    public <T> T read(ObjectReader reader, JsonNode tree, String what, Expectations expectations) {
        JsonParser parser = null;
        try {
            parser = reader.treeAsTokens(tree);
            return reader.readValue(parser);
        } catch (JacksonException e) {
            throw failure(e, parser, what, expectations);
        } catch (IOException e) {
            throw new InvalidRequestException(null, what + " could not be read: " + e.getMessage());
        } finally {
            close(parser);
        }
    }

    private static InvalidRequestException empty(String what) {
        return new InvalidRequestException(null, what + " is empty; expected a JSON object such as {\"prompt\":\"...\"}");
    }

    /** What went wrong, in the caller's terms: the field (a top-level name), its path, what it held and should hold. */
    static InvalidRequestException failure(JacksonException e, JsonParser parser, String what, Expectations expectations) {
        Exceeded exceeded = cause(e, Exceeded.class);
        if (exceeded != null) {
            return tooLarge(exceeded, parser, what);
        }
        if (e instanceof UnrecognizedPropertyException unknown && unknown.getPath().size() == 1) {
            String name = unknown.getPropertyName();
            List<String> known = unknown.getKnownPropertyIds() == null ? List.of()
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return new InvalidRequestException(name, "unknown field '" + abbreviate(name) + "'; accepted fields are "
                    + String.join(", ", known));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            List<JsonMappingException.Reference> path = mapping.getPath();
            String field = path.get(0).getFieldName();
            String where = path(path);
            JsonParseException syntax = cause(e, JsonParseException.class);
            if (syntax != null) {
                return new InvalidRequestException(field, "'" + abbreviate(where) + "' is not valid JSON: "
                        + clean(syntax.getOriginalMessage()) + at(syntax.getLocation()));
            }
            boolean element = path.size() == 2 && path.get(1).getFieldName() == null;
            String expected = path.size() == 1 || element ? expectations.expected(field, element) : null;
            String value = describe(parser);
            if (expected != null) {
                return new InvalidRequestException(field, "'" + field + "' " + expected + ", not " + value
                        + (element ? " (at " + abbreviate(where) + ")" : ""));
            }
            return new InvalidRequestException(field, "'" + abbreviate(where) + "' has the wrong type: " + value);
        }
        if (e instanceof JsonParseException syntax) {
            JsonStreamContext context = parser == null ? null : parser.getParsingContext();
            // at the top level after a first value (the parser counts a value it failed to read, with no token;
            // databind clears the token of the value it bound)
            if (context != null && context.inRoot() && (context.getEntryCount() > 1 || context.getEntryCount() == 1
                    && (parser.currentToken() != null || parser.getLastClearedToken() != null))) {
                return trailing(what, syntax.getLocation());
            }
            // the parser's position names the field only for a name given twice; any other syntax error may lie
            // after the field it last read (a stray comma), so the line and column say where it is
            String where = context == null ? null : path(context, true);
            boolean duplicate = syntax.getOriginalMessage() != null && syntax.getOriginalMessage().startsWith("Duplicate field");
            return new InvalidRequestException(duplicate ? topLevel(where) : null, what + " is not valid JSON"
                    + (duplicate && where != null && !where.isEmpty() ? " at '" + abbreviate(where) + "'" : "") + ": "
                    + clean(syntax.getOriginalMessage()) + at(syntax.getLocation()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            JsonToken token = parser == null ? null : parser.currentToken();
            if (token == null) {
                return empty(what);
            }
            if (rootEntries(parser.getParsingContext()) > 1) {
                return trailing(what, mismatch.getLocation());
            }
            return new InvalidRequestException(null, "the request must be a JSON object such as {\"prompt\":\"...\"}, not "
                    + describe(parser));
        }
        return new InvalidRequestException(null, what + " could not be read: " + e.getOriginalMessage());
    }

    /** How many values the input held at its top level so far: a second one is trailing content. */
    private static int rootEntries(JsonStreamContext context) {
        JsonStreamContext root = context;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getEntryCount();
    }

    private static InvalidRequestException trailing(String what, JsonLocation location) {
        return new InvalidRequestException(null, what + " must hold one JSON value and nothing after it; more follows"
                + at(location));
    }

    private static InvalidRequestException tooLarge(Exceeded exceeded, JsonParser parser, String what) {
        JsonStreamContext context = parser == null ? null : parser.getParsingContext();
        // a name that is too long is not yet the context's name: the field is the object that holds it
        String where = context == null ? null : path(context, exceeded.limit != Limit.NAME);
        String field = topLevel(where);
        String in = where == null || where.isEmpty() ? what : "'" + abbreviate(where) + "'";
        String message = switch (exceeded.limit) {
            case NESTING -> in + " nests objects and arrays deeper than " + MAX_NESTING_DEPTH + " levels";
            case NUMBER -> in + " holds a number longer than " + MAX_NUMBER_LENGTH + " characters";
            case NAME -> in + " has a field name longer than " + MAX_NAME_LENGTH + " characters";
            // Jackson counts a long number's digits as text too, so this is any value's text, not only a string's
            case STRING -> in + " holds a value longer than " + exceeded.max + " characters";
        };
        return new InvalidRequestException(field, message);
    }

    /** The offending value as a caller reads it: "the number 1.5", "an object", "the string \"abc…\"". */
    static String describe(JsonParser parser) {
        JsonToken token = parser == null ? null : parser.currentToken();
        if (token == null) {
            return "nothing";
        }
        try {
            return switch (token) {
                case START_OBJECT, END_OBJECT -> "an object";
                case START_ARRAY, END_ARRAY -> "an array";
                case VALUE_STRING -> "the string \"" + abbreviate(parser.getText()) + "\"";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + abbreviate(parser.getText());
                case VALUE_TRUE, VALUE_FALSE -> "a boolean (" + parser.getText() + ")";
                case VALUE_NULL -> "null";
                default -> token.name().toLowerCase(Locale.ROOT);
            };
        } catch (IOException e) {
            return "an unreadable value";
        }
    }

    /** A value quoted in an error: at most 40 characters, so an error never echoes a whole hostile input. */
    public static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** Jackson's words without its advice to the programmer ("enable `JsonReadFeature...`") or its source notes. */
    private static String clean(String message) {
        if (message == null) {
            return "";
        }
        String text = message;
        int advice = text.indexOf(": enable `");
        if (advice >= 0) {
            text = text.substring(0, advice);
        }
        int marker = text.indexOf(" (start marker at [Source:");
        if (marker >= 0) {
            int end = text.indexOf("])", marker);
            text = text.substring(0, marker) + (end < 0 ? "" : text.substring(end + 2));
        }
        return text;
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** {@code providers[1]}, {@code metadata.a.b}: a databind path as the caller wrote it. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The path of the parser's position; with {@code current}, the name or index it is at, else its container. */
    private static String path(JsonStreamContext context, boolean current) {
        Deque<String> parts = new ArrayDeque<>();
        JsonStreamContext level = current ? context : context.getParent();
        for (; level != null && !level.inRoot(); level = level.getParent()) {
            if (level.inArray()) {
                parts.push("[" + Math.max(0, level.getCurrentIndex()) + "]");
            } else if (level.getCurrentName() != null) {
                parts.push("." + level.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String topLevel(String path) {
        if (path == null || path.isEmpty() || path.startsWith("[")) {
            return null;
        }
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static void close(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // a parser over bytes or a tree holds nothing to release
            }
        }
    }

    private enum Limit { NESTING, NUMBER, NAME, STRING }

    /** A limit of {@link Limits} was passed: which one, so the error can say so in its own words. */
    private static final class Exceeded extends StreamConstraintsException {
        private final Limit limit;
        private final long max;

        Exceeded(Limit limit, long max, StreamConstraintsException cause) {
            super(cause.getOriginalMessage(), cause.getLocation());
            this.limit = limit;
            this.max = max;
        }
    }

    /**
     * Jackson's stream limits, set for requests, each failure marked with the limit it broke (Jackson's own
     * exception says it only in words).
     */
    private static final class Limits extends StreamReadConstraints {

        Limits(int maxStringLength) {
            super(MAX_NESTING_DEPTH, StreamReadConstraints.DEFAULT_MAX_DOC_LEN, MAX_NUMBER_LENGTH, maxStringLength,
                    MAX_NAME_LENGTH, StreamReadConstraints.DEFAULT_MAX_TOKEN_COUNT);
        }

        @Override
        public void validateNestingDepth(int depth) throws StreamConstraintsException {
            try {
                super.validateNestingDepth(depth);
            } catch (StreamConstraintsException e) {
                throw new Exceeded(Limit.NESTING, MAX_NESTING_DEPTH, e);
            }
        }

        @Override
        public void validateFPLength(int length) throws StreamConstraintsException {
            try {
                super.validateFPLength(length);
            } catch (StreamConstraintsException e) {
                throw new Exceeded(Limit.NUMBER, MAX_NUMBER_LENGTH, e);
            }
        }

        @Override
        public void validateIntegerLength(int length) throws StreamConstraintsException {
            try {
                super.validateIntegerLength(length);
            } catch (StreamConstraintsException e) {
                throw new Exceeded(Limit.NUMBER, MAX_NUMBER_LENGTH, e);
            }
        }

        @Override
        public void validateBigIntegerScale(int scale) throws StreamConstraintsException {
            try {
                super.validateBigIntegerScale(scale);
            } catch (StreamConstraintsException e) {
                throw new Exceeded(Limit.NUMBER, MAX_NUMBER_LENGTH, e);
            }
        }

        @Override
        public void validateStringLength(int length) throws StreamConstraintsException {
            try {
                super.validateStringLength(length);
            } catch (StreamConstraintsException e) {
                throw new Exceeded(Limit.STRING, getMaxStringLength(), e);
            }
        }

        @Override
        public void validateNameLength(int length) throws StreamConstraintsException {
            try {
                super.validateNameLength(length);
            } catch (StreamConstraintsException e) {
                throw new Exceeded(Limit.NAME, MAX_NAME_LENGTH, e);
            }
        }
    }
}
