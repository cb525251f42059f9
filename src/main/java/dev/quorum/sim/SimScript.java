package dev.quorum.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How one simulated provider behaves: answers chosen by the first rule whose pattern is found in the prompt, else
 * the default answer (a deterministic sentence when none is set); a latency; failures (every call with probability
 * {@code errorRate}, or exactly the next {@code failNext} calls) with {@code errorStatus} and, for 429 and 503, a
 * {@code Retry-After}; or a hang that never answers. {@code models} is what Ollama's {@code /api/tags} lists.
 * A streamed answer is sent in small pieces, {@code streamChunkDelayMs} apart; with {@code streamBreakAfterChars}
 * of 0 or more the stream is cut off abruptly once that many characters of the answer have been sent.
 * With {@code trickleMs} above 0 the response body (answer, error or stream) leaves one byte every that many
 * milliseconds, so a client's read timeout never strikes while the answer takes far longer than any deadline.
 * {@code errorBody}, when set, replaces the provider's error shape in a failure, with {@code {{key}}} filled in with
 * the API key the call presented (a misconfigured proxy or server that echoes the key).
 * {@code reportedInputTokens} and {@code reportedOutputTokens}, when set, replace the token counts the provider
 * reports (a lying or broken provider: negative or absurd usage); the answer itself is unchanged.
 * Tools: when a request offers tools and its last message is not a tool result, a provider with a
 * {@code toolCallName} among them calls it (as does any provider the request requires to call one: the named tool,
 * else the first), with {@code toolCallArguments} or an object of the parameters' required fields; after a tool
 * result it answers in text. JSON mode: {@code jsonAnswer} when set, else an object of the schema's required fields.
 * {@code retryAfterForm} says how a 429 or 503 names its wait ({@link RetryAfterForm}).
 */
public record SimScript(List<Rule> rules, String defaultAnswer, long latencyMs, double errorRate, int errorStatus,
                        int retryAfterSeconds, int failNext, boolean hang, List<String> models,
                        long streamChunkDelayMs, int streamBreakAfterChars, long trickleMs, String errorBody,
                        Integer reportedInputTokens, Integer reportedOutputTokens, String toolCallName,
                        String toolCallArguments, String jsonAnswer,
                        RetryAfterForm retryAfterForm) {

    /**
     * How a 429 or 503 names its wait of {@code retryAfterSeconds}: {@code MESSAGE} (the default) a
     * {@code Retry-After} header in seconds and the sentence "Please try again in Ns." in the error message, as
     * OpenAI's errors do; the others in a header only, as Anthropic's and most others' do: {@code SECONDS}
     * {@code Retry-After: N}, {@code DATE} {@code Retry-After} as an HTTP-date N seconds from now, {@code MILLIS}
     * OpenAI's {@code retry-after-ms: N×1000}.
     */
    public enum RetryAfterForm {
        MESSAGE, SECONDS, DATE, MILLIS;

        /** The form named {@code value} (any case), or an error naming {@code setting} and the forms there are. */
        public static RetryAfterForm parse(String setting, String value) {
            for (RetryAfterForm form : values()) {
                if (form.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return form;
                }
            }
            throw new IllegalArgumentException(setting + " must be one of message, seconds, date, millis, not '"
                    + value + "'");
        }
    }

    /** A prompt pattern and the answer it gets. */
    public record Rule(Pattern pattern, String answer) {
    }

    public SimScript {
        rules = List.copyOf(rules);
        models = List.copyOf(models);
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("errorRate must be between 0 and 1, not " + errorRate);
        }
        if (errorStatus < 400 || errorStatus > 599) {
            throw new IllegalArgumentException("errorStatus must be an HTTP error status (400-599), not " + errorStatus);
        }
        if (latencyMs < 0 || failNext < 0 || retryAfterSeconds < 0 || streamChunkDelayMs < 0) {
            throw new IllegalArgumentException("latencyMs, failNext, retryAfterSeconds and streamChunkDelayMs must not "
                    + "be negative");
        }
        if (retryAfterForm == null) {
            retryAfterForm = RetryAfterForm.MESSAGE;
        }
        if (trickleMs < 0) {
            throw new IllegalArgumentException("trickleMs must not be negative, not " + trickleMs);
        }
    }

    /** The same script answering after {@code latency} milliseconds (its answers and faults unchanged). */
    public SimScript withLatencyMs(long latency) {
        return new SimScript(rules, defaultAnswer, latency, errorRate, errorStatus, retryAfterSeconds, failNext, hang,
                models, streamChunkDelayMs, streamBreakAfterChars, trickleMs, errorBody, reportedInputTokens,
                reportedOutputTokens, toolCallName, toolCallArguments, jsonAnswer, retryAfterForm);
    }

    public static SimScript defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The simulator's token count of a text: one token per started four characters, at least one for a non-empty
     * text. Deterministic, so tests can predict usage; close to real tokenizers' average for English.
     */
    public static int tokens(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return (text.length() + 3) / 4;
    }

    /**
     * The answer cut to at most {@code maxTokens} tokens by {@link #tokens}, as a provider stops generating at its
     * output limit: the first {@code 4 × maxTokens} characters. {@code null} (no limit) leaves it whole.
     */
    public static String truncate(String answer, Integer maxTokens) {
        if (maxTokens == null || answer == null || tokens(answer) <= maxTokens) {
            return answer;
        }
        return answer.substring(0, Math.max(0, maxTokens) * 4);
    }

    String answer(String provider, String prompt) {
        for (Rule rule : rules) {
            if (rule.pattern().matcher(prompt).find()) {
                return rule.answer();
            }
        }
        if (defaultAnswer != null) {
            return defaultAnswer;
        }
        String words = prompt.strip();
        int cut = 0;
        for (int i = 0, spaces = 0; i < words.length() && spaces < 8; i++) {
            cut = i + 1;
            if (Character.isWhitespace(words.charAt(i))) {
                spaces++;
            }
        }
        return "Simulated answer from " + provider + " to: " + words.substring(0, cut).strip();
    }

    /**
     * Reads a script from settings under {@code prefix}: {@code default-answer}, {@code latency-ms},
     * {@code error-rate}, {@code error-status}, {@code retry-after-seconds}, {@code fail-next}, {@code hang},
     * {@code models} (comma list), {@code stream-chunk-delay-ms}, {@code stream-break-after-chars},
     * {@code trickle-ms}, {@code error-body}, {@code reported-input-tokens}, {@code reported-output-tokens},
     * {@code tool-call-name}, {@code tool-call-arguments}, {@code json-answer},
     * {@code retry-after-form} ({@code message}, {@code seconds}, {@code date}, {@code millis}) and
     * {@code rule.<n>.pattern} / {@code rule.<n>.answer}, rules in order of n.
     */
    public static SimScript fromProperties(Map<String, String> properties, String prefix) {
        Builder builder = builder();
        Map<Integer, String[]> rules = new TreeMap<>();
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                continue;
            }
            String key = entry.getKey().substring(prefix.length());
            String value = entry.getValue() == null ? "" : entry.getValue().trim();
            try {
                switch (key) {
                    case "default-answer" -> builder.defaultAnswer(value);
                    case "latency-ms" -> builder.latencyMs(Long.parseLong(value));
                    case "error-rate" -> builder.errorRate(Double.parseDouble(value));
                    case "error-status" -> builder.errorStatus(Integer.parseInt(value));
                    case "retry-after-seconds" -> builder.retryAfterSeconds(Integer.parseInt(value));
                    case "fail-next" -> builder.failNext(Integer.parseInt(value));
                    case "hang" -> builder.hang(Boolean.parseBoolean(value));
                    case "models" -> builder.models(List.of(value.split("\\s*,\\s*")));
                    case "stream-chunk-delay-ms" -> builder.streamChunkDelayMs(Long.parseLong(value));
                    case "stream-break-after-chars" -> builder.streamBreakAfterChars(Integer.parseInt(value));
                    case "trickle-ms" -> builder.trickleMs(Long.parseLong(value));
                    case "error-body" -> builder.errorBody(value);
                    case "reported-input-tokens" -> builder.reportedInputTokens(Integer.parseInt(value));
                    case "reported-output-tokens" -> builder.reportedOutputTokens(Integer.parseInt(value));
                    case "tool-call-name" -> builder.toolCallName(value);
                    case "tool-call-arguments" -> builder.toolCallArguments(value);
                    case "json-answer" -> builder.jsonAnswer(value);
                    case "retry-after-form" -> builder.retryAfterForm(RetryAfterForm.parse(entry.getKey(), value));
                    default -> {
                        if (!key.startsWith("rule.")) {
                            throw new IllegalArgumentException("unknown simulator setting " + entry.getKey());
                        }
                        String[] parts = key.split("\\.");
                        if (parts.length != 3 || !(parts[2].equals("pattern") || parts[2].equals("answer"))) {
                            throw new IllegalArgumentException("expected " + prefix + "rule.<n>.pattern or .answer, not "
                                    + entry.getKey());
                        }
                        String[] rule = rules.computeIfAbsent(Integer.parseInt(parts[1]), n -> new String[2]);
                        rule[parts[2].equals("pattern") ? 0 : 1] = entry.getValue();
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(entry.getKey() + " must be a number, not '" + value + "'", e);
            }
        }
        for (Map.Entry<Integer, String[]> rule : rules.entrySet()) {
            if (rule.getValue()[0] == null || rule.getValue()[1] == null) {
                throw new IllegalArgumentException(prefix + "rule." + rule.getKey() + " needs both a pattern and an answer");
            }
            builder.rule(Pattern.compile(rule.getValue()[0]), rule.getValue()[1]);
        }
        return builder.build();
    }

    /** Builds a {@link SimScript}; unset values answer at once and never fail. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();
        private String defaultAnswer;
        private long latencyMs;
        private double errorRate;
        private int errorStatus = 500;
        private int retryAfterSeconds = 1;
        private int failNext;
        private boolean hang;
        private List<String> models = List.of();
        private long streamChunkDelayMs;
        private int streamBreakAfterChars = -1;
        private long trickleMs;
        private String errorBody;
        private Integer reportedInputTokens;
        private Integer reportedOutputTokens;
        private String toolCallName;
        private String toolCallArguments;
        private String jsonAnswer;
        private RetryAfterForm retryAfterForm = RetryAfterForm.MESSAGE;

        private Builder() {
        }

        /** Calls this tool when a request offers it (and its last message is not a tool result). */
        public Builder toolCallName(String toolCallName) {
            this.toolCallName = toolCallName;
            return this;
        }

        /** The arguments (a JSON object) of the tool calls this provider makes; null: the schema's required fields. */
        public Builder toolCallArguments(String toolCallArguments) {
            this.toolCallArguments = toolCallArguments;
            return this;
        }

        /** The answer in JSON mode; null: an object of the schema's required fields. */
        public Builder jsonAnswer(String jsonAnswer) {
            this.jsonAnswer = jsonAnswer;
            return this;
        }

        public Builder rule(Pattern pattern, String answer) {
            rules.add(new Rule(pattern, answer));
            return this;
        }

        public Builder rule(String regex, String answer) {
            return rule(Pattern.compile(regex), answer);
        }

        public Builder defaultAnswer(String defaultAnswer) {
            this.defaultAnswer = defaultAnswer;
            return this;
        }

        public Builder latencyMs(long latencyMs) {
            this.latencyMs = latencyMs;
            return this;
        }

        public Builder errorRate(double errorRate) {
            this.errorRate = errorRate;
            return this;
        }

        public Builder errorStatus(int errorStatus) {
            this.errorStatus = errorStatus;
            return this;
        }

        public Builder retryAfterSeconds(int retryAfterSeconds) {
            this.retryAfterSeconds = retryAfterSeconds;
            return this;
        }

        public Builder failNext(int failNext) {
            this.failNext = failNext;
            return this;
        }

        public Builder hang(boolean hang) {
            this.hang = hang;
            return this;
        }

        public Builder models(List<String> models) {
            this.models = models;
            return this;
        }

        /** Waits this long between the pieces of a streamed answer. */
        public Builder streamChunkDelayMs(long streamChunkDelayMs) {
            this.streamChunkDelayMs = streamChunkDelayMs;
            return this;
        }

        /** Cuts a streamed answer off (the connection closes mid-response) after this many characters; -1: never. */
        public Builder streamBreakAfterChars(int streamBreakAfterChars) {
            this.streamBreakAfterChars = streamBreakAfterChars;
            return this;
        }

        /** Sends the response body one byte every this many milliseconds (0, the default: at once). */
        public Builder trickleMs(long trickleMs) {
            this.trickleMs = trickleMs;
            return this;
        }

        /** The body of a failure instead of the provider's error shape; {@code {{key}}} becomes the presented key. */
        public Builder errorBody(String errorBody) {
            this.errorBody = errorBody;
            return this;
        }

        /** Reports this many input tokens whatever the prompt was (a lying provider); null: the real count. */
        public Builder reportedInputTokens(Integer reportedInputTokens) {
            this.reportedInputTokens = reportedInputTokens;
            return this;
        }

        /** Reports this many output tokens whatever the answer was (a lying provider); null: the real count. */
        public Builder reportedOutputTokens(Integer reportedOutputTokens) {
            this.reportedOutputTokens = reportedOutputTokens;
            return this;
        }

        /** How a 429 or 503 names its wait: in the message and a header (the default), or in a header only. */
        public Builder retryAfterForm(RetryAfterForm retryAfterForm) {
            this.retryAfterForm = retryAfterForm;
            return this;
        }

        public SimScript build() {
            return new SimScript(rules, defaultAnswer, latencyMs, errorRate, errorStatus, retryAfterSeconds, failNext,
                    hang, models, streamChunkDelayMs, streamBreakAfterChars, trickleMs, errorBody, reportedInputTokens,
                    reportedOutputTokens, toolCallName, toolCallArguments, jsonAnswer, retryAfterForm);
        }
    }
}
