package dev.quorum.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Turns request JSON from any trigger into a {@link CompletionRequest}, rejecting bad input with an
 * {@link InvalidRequestException} that names the field and says what was expected. The JSON is bound by a strict
 * Jackson reader ({@link StrictJson}): unknown fields, a value of the wrong type (no coercion: {@code "5"} is not a
 * number, {@code 1.5} not a whole number), anything after the object, a name given twice, and nesting, numbers,
 * names or strings beyond their limits are all refused before any field is looked at; then each field's value is
 * checked against its range. Strings that end up in the usage ledger and the logs (id, tenant, provider) are held to
 * the ledger's column sizes, and ids and tenants may hold no control characters: a misspelt option silently ignored,
 * or a value the ledger cannot store, is worse than a clear 400.
 */
public final class RequestParser {

    /** The longest a request may ask a panel to wait: ten minutes. */
    public static final long MAX_TIMEOUT_MS = 600_000;
    /** The longest request id: it names result files and Kafka keys, and fits the ledger's request_id column. */
    public static final int MAX_ID_CHARS = 128;
    /** The longest tenant: the usage ledger's tenant column (VARCHAR(200)). */
    public static final int MAX_TENANT_CHARS = 200;
    /** The longest provider id: the usage ledger's provider column (VARCHAR(100)). */
    public static final int MAX_PROVIDER_CHARS = 100;
    /** Strings anywhere in a request may be this long at least, whatever the prompt and system limits. */
    static final int MIN_STRING_CHARS = 1_000;
    /** The most entries {@code providers} or {@code capabilities} may list. */
    public static final int MAX_LIST_ENTRIES = 32;

    /** The request as written: every field optional and typed, bound by the strict reader, checked afterwards. */
    record Wire(String id, String prompt, String system, String mode, String provider, List<String> providers,
                Integer maxTokens, Double temperature, String tenant, String task, Map<String, Object> metadata,
                String priority, Double maxCostUsd, Long maxLatencyMs, List<String> capabilities, String algorithm,
                Double minAgreement, Integer quorum, Long timeoutMs,
                // the chat fields (ChatParser): a conversation, tools, an output format, sampling options
                List<ChatParser.WireMessage> messages, Double topP, JsonNode stop, Long seed, Integer n,
                ChatParser.WireResponseFormat responseFormat, List<ChatParser.WireTool> tools, JsonNode toolChoice,
                // read by the HTTP trigger before intake (dev.quorum.http.NativeStreams); elsewhere answered whole
                Boolean stream,
                // prompt templates (docs/prompts.md): read into RequestOptions
                String template, Map<String, Object> variables, Integer templateVersion, String experimentKey,
                // the response cache (docs/cache.md): true, false, "exact" or "semantic"
                Object cache) {

        boolean chat() {
            return messages != null || topP != null || stop != null || seed != null || n != null
                    || responseFormat != null || tools != null || toolChoice != null;
        }
    }

    /** A parsed request and the options it asks for beside it ({@link RequestOptions#NONE} for most). */
    public record Parsed(CompletionRequest request, RequestOptions options) {
    }

    /** The most variables a request may give a template. */
    public static final int MAX_VARIABLES = 100;

    /** What each field should hold, said once: the type errors Jackson finds and the range checks below share it. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("maxTokens", "must be a positive whole number"),
            Map.entry("temperature", "must be a number from 0 to 2"),
            Map.entry("maxCostUsd", "must be a positive number of US dollars"),
            Map.entry("maxLatencyMs", "must be a positive whole number of milliseconds"),
            Map.entry("capabilities", "must be an array of capability names such as [\"code\"]"),
            Map.entry("providers", "must be a non-empty array of provider ids"),
            Map.entry("metadata", "must be a JSON object"),
            Map.entry("minAgreement", "must be a number above 0 and at most 1 (the share of the panel that must agree)"),
            Map.entry("quorum", "must be a positive whole number of successful answers"),
            Map.entry("timeoutMs", "must be a whole number of milliseconds from 1 to " + MAX_TIMEOUT_MS),
            Map.entry("messages", "must be an array of messages {role, content}"),
            Map.entry("topP", "must be a number above 0 and at most 1"),
            Map.entry("seed", "must be a whole number"),
            Map.entry("n", "must be a whole number of choices"),
            Map.entry("responseFormat", "must be an object {type: text | json_object | json_schema, schema}"),
            Map.entry("tools", "must be an array of tools {name, description, parameters}"),
            Map.entry("variables", "must be a JSON object of variable names to strings, numbers or booleans"),
            Map.entry("templateVersion", "must be a positive whole number (a version of the template)"));
    private static final Map<String, String> EXPECTED_ELEMENT = Map.of(
            "capabilities", "must hold capability names as strings",
            "providers", "must hold provider ids as strings",
            "messages", "must hold messages {role, content}",
            "tools", "must hold tools {name, description, parameters}");
    private static final StrictJson.Expectations EXPECTATIONS = (field, element) -> element
            ? EXPECTED_ELEMENT.get(field)
            : EXPECTED.getOrDefault(field, "must be a string");

    private final StrictJson json;
    private final ObjectReader reader;
    private final int maxPromptChars;
    private final int maxSystemChars;
    private final Predicate<String> knownProvider;
    private final Set<Mode> supportedModes;
    private final ChatParser chatParser;

    public RequestParser(int maxPromptChars, int maxSystemChars, Predicate<String> knownProvider,
                         Set<Mode> supportedModes) {
        this(maxPromptChars, maxSystemChars, 0, knownProvider, supportedModes);
    }

    /**
     * {@code maxImageChars}: the longest image URL of a message (a {@code data:} URL carries the whole image), which
     * may be longer than any text; 0 holds images to the text limits.
     */
    public RequestParser(int maxPromptChars, int maxSystemChars, int maxImageChars, Predicate<String> knownProvider,
                         Set<Mode> supportedModes) {
        this.json = new StrictJson(Math.max(MIN_STRING_CHARS, Math.max(Math.max(maxPromptChars, maxSystemChars),
                maxImageChars)));
        this.reader = json.readerFor(Wire.class);
        this.maxPromptChars = maxPromptChars;
        this.maxSystemChars = maxSystemChars;
        this.knownProvider = knownProvider;
        this.supportedModes = Set.copyOf(supportedModes);
        this.chatParser = new ChatParser(maxPromptChars, maxSystemChars, maxImageChars);
    }

    /** {@code quorum.request.max-n}: the most choices ({@code n}) one request may ask for; 8 unless set. */
    public RequestParser maxChoices(int maxChoices) {
        chatParser.maxChoices(maxChoices);
        return this;
    }

    /** The strict JSON reader requests are read with, for triggers that read JSON of their own (OpenAI, Kafka). */
    public StrictJson json() {
        return json;
    }

    /** Parses raw JSON bytes, as they arrive from HTTP, a file or a Kafka record. */
    public CompletionRequest parse(byte[] body) {
        return parse(body, null);
    }

    /** Parses raw JSON bytes; a {@code tenant} other than {@code null} (an API key's) replaces the request's own. */
    public CompletionRequest parse(byte[] body, String tenant) {
        return read(body, tenant).request();
    }

    /** As {@link #parse(byte[], String)}, with the options the request asks for beside it (a template, ...). */
    public Parsed read(byte[] body, String tenant) {
        return validate(json.read(reader, body, "the request body", EXPECTATIONS), tenant);
    }

    /**
     * Reads raw JSON bytes into a tree as strictly as {@link #parse(byte[])} reads them, for a trigger that adds to
     * the request before it is parsed; {@code what} names the input in errors ("the record value").
     */
    public JsonNode tree(byte[] body, String what) {
        return json.tree(body, what);
    }

    /** Validates an already parsed JSON tree. */
    public CompletionRequest parse(JsonNode root) {
        return parse(root, null);
    }

    /** Validates an already parsed JSON tree; a {@code tenant} other than {@code null} replaces the request's own. */
    public CompletionRequest parse(JsonNode root, String tenant) {
        return read(root, tenant).request();
    }

    /** As {@link #parse(JsonNode, String)}, with the options the request asks for beside it (a template, ...). */
    public Parsed read(JsonNode root, String tenant) {
        if (root == null || root.isMissingNode()) {
            throw new InvalidRequestException(null, "the request must be a JSON object such as {\"prompt\":\"...\"}, not nothing");
        }
        return validate(json.read(reader, root, "the request", EXPECTATIONS), tenant);
    }

    private Parsed validate(Wire wire, String tenantOverride) {
        if (wire == null) {
            throw new InvalidRequestException(null, "the request must be a JSON object such as {\"prompt\":\"...\"}, not null");
        }
        RequestOptions options = options(wire);
        Chat chat = null;
        String prompt = wire.prompt();
        String system = wire.system();
        if (wire.messages() != null && prompt != null) {
            throw new InvalidRequestException("messages", "give 'prompt' or 'messages', not both");
        }
        if (options.templated() && (prompt != null || wire.messages() != null)) {
            throw new InvalidRequestException(prompt != null ? "prompt" : "messages", "give either '"
                    + (prompt != null ? "prompt" : "messages") + "' or 'template', not both");
        }
        if (wire.chat()) {
            if (system != null && system.length() > maxSystemChars) {
                throw new InvalidRequestException("system", "'system' has " + system.length()
                        + " characters; the limit is " + maxSystemChars + " (quorum.request.max-system-chars)");
            }
            chat = chatParser.parse(system, wire.messages(), wire.topP(), wire.stop(), wire.seed(), wire.n(),
                    wire.responseFormat(), wire.tools(), wire.toolChoice());
            if (wire.messages() != null) {
                // the steps that read only a prompt (classifier, estimates, logs) see the last user text
                prompt = lastUserText(chat);
                system = systemText(chat);
            }
        }
        if (options.templated()) {
            // the prompt is the template's, rendered by the prompt-template step of direct:intake and checked there
        } else if (prompt == null) {
            throw new InvalidRequestException("prompt", "'prompt' is required: the text to send to the model");
        }
        if (prompt != null) {
            checkPrompt(prompt);
        }
        if (system != null) {
            checkSystem(system);
        }
        String id = wire.id();
        if (id == null) {
            id = UUID.randomUUID().toString();
        } else if (!safeId(id)) {
            throw new InvalidRequestException("id", "'id' must be 1 to " + MAX_ID_CHARS + " characters of letters, digits, "
                    + "'.', '_', ':' or '-' and start with a letter or digit, not " + quote(id));
        }
        String tenant = tenantOverride != null ? tenantOverride : tenant(wire.tenant());

        Mode mode = mode(wire.mode());
        String provider = wire.provider();
        if (provider != null) {
            requireKnownProvider("provider", provider);
        }
        List<String> providers = wire.providers();
        if (providers != null) {
            requireList("providers", providers, EXPECTED.get("providers"));
            for (String element : providers) {
                requireKnownProvider("providers", element);
            }
            providers = List.copyOf(providers);
        }
        List<String> capabilities = wire.capabilities();
        if (capabilities != null) {
            requireList("capabilities", capabilities, null);
            capabilities = capabilities.stream().map(String::trim).toList();
            if (capabilities.stream().anyMatch(String::isEmpty)) {
                throw invalid("capabilities", EXPECTED_ELEMENT.get("capabilities"), "a blank string");
            }
            if (capabilities.stream().anyMatch(c -> c.length() > MAX_PROVIDER_CHARS)) {
                throw new InvalidRequestException("capabilities", "'capabilities' names hold at most "
                        + MAX_PROVIDER_CHARS + " characters");
            }
        }
        Integer quorum = wire.quorum();
        check("maxTokens", wire.maxTokens() == null || wire.maxTokens() >= 1, wire.maxTokens());
        check("temperature", wire.temperature() == null || wire.temperature() >= 0 && wire.temperature() <= 2,
                wire.temperature());
        check("maxCostUsd", wire.maxCostUsd() == null || wire.maxCostUsd() > 0 && Double.isFinite(wire.maxCostUsd()),
                wire.maxCostUsd());
        check("maxLatencyMs", wire.maxLatencyMs() == null || wire.maxLatencyMs() >= 1, wire.maxLatencyMs());
        check("minAgreement", wire.minAgreement() == null || wire.minAgreement() > 0 && wire.minAgreement() <= 1,
                wire.minAgreement());
        check("quorum", quorum == null || quorum >= 1, quorum);
        if (quorum != null && providers != null && quorum > providers.size()) {
            throw new InvalidRequestException("quorum", "'quorum' is " + quorum + " but 'providers' names only "
                    + providers.size() + " providers");
        }
        check("timeoutMs", wire.timeoutMs() == null || wire.timeoutMs() >= 1 && wire.timeoutMs() <= MAX_TIMEOUT_MS,
                wire.timeoutMs());
        Map<String, Object> metadata = wire.metadata() == null ? null : Collections.unmodifiableMap(wire.metadata());

        return new Parsed(new CompletionRequest(id, prompt, system, mode, provider, providers, wire.maxTokens(),
                wire.temperature(), tenant, oneOf("task", wire.task(), CompletionRequest.TASKS), metadata,
                oneOf("priority", wire.priority(), CompletionRequest.PRIORITIES), wire.maxCostUsd(),
                wire.maxLatencyMs(), capabilities, oneOf("algorithm", wire.algorithm(), CompletionRequest.ALGORITHMS),
                wire.minAgreement(), quorum, wire.timeoutMs(), chat), options);
    }

    /** The checks of a prompt: not blank, within quorum.request.max-prompt-chars, whole characters. */
    public void checkPrompt(String prompt) {
        if (prompt.isBlank()) {
            throw new InvalidRequestException("prompt", "'prompt' must not be blank");
        }
        if (prompt.length() > maxPromptChars) {
            throw new InvalidRequestException("prompt", "'prompt' has " + prompt.length()
                    + " characters; the limit is " + maxPromptChars + " (quorum.request.max-prompt-chars)");
        }
        requireWholeCharacters("prompt", prompt);
    }

    /** The checks of a system text: within quorum.request.max-system-chars, whole characters. */
    public void checkSystem(String system) {
        if (system.length() > maxSystemChars) {
            throw new InvalidRequestException("system", "'system' has " + system.length()
                    + " characters; the limit is " + maxSystemChars + " (quorum.request.max-system-chars)");
        }
        requireWholeCharacters("system", system);
    }

    /** The template, its variables as text, the version and the experiment key a request names. */
    private static RequestOptions options(Wire wire) {
        String template = wire.template();
        if (template == null) {
            for (String field : new String[] {"variables", "templateVersion"}) {
                if ("variables".equals(field) ? wire.variables() != null : wire.templateVersion() != null) {
                    throw new InvalidRequestException(field, "'" + field + "' needs 'template': the id of a prompt "
                            + "template (GET /api/v1/prompts lists them)");
                }
            }
            String cache = cache(wire.cache());
            return wire.experimentKey() == null && cache == null ? RequestOptions.NONE
                    : new RequestOptions(null, null, Map.of(),
                    wire.experimentKey() == null ? null : experimentKey(wire.experimentKey()), cache);
        }
        if (!safeId(template)) {
            throw new InvalidRequestException("template", "'template' must be a template id: 1 to " + MAX_ID_CHARS
                    + " characters of letters, digits, '.', '_', ':' or '-', not " + quote(template));
        }
        check("templateVersion", wire.templateVersion() == null || wire.templateVersion() >= 1, wire.templateVersion());
        Map<String, String> values = new java.util.LinkedHashMap<>();
        if (wire.variables() != null) {
            if (wire.variables().size() > MAX_VARIABLES) {
                throw new InvalidRequestException("variables", "'variables' has " + wire.variables().size()
                        + " entries; at most " + MAX_VARIABLES + " are accepted");
            }
            for (Map.Entry<String, Object> variable : wire.variables().entrySet()) {
                Object value = variable.getValue();
                if (value instanceof String text) {
                    requireWholeCharacters("variables", text);
                    values.put(variable.getKey(), text);
                } else if (value instanceof Number || value instanceof Boolean) {
                    values.put(variable.getKey(), value instanceof Double d ? number(d) : value.toString());
                } else {
                    throw new InvalidRequestException("variables", "'variables." + StrictJson.abbreviate(variable.getKey())
                            + "' must be a string, a number or a boolean, not " + (value == null ? "null"
                            : value instanceof Map ? "an object" : "an array"));
                }
            }
        }
        return new RequestOptions(template, wire.templateVersion(), Collections.unmodifiableMap(values),
                wire.experimentKey() == null ? null : experimentKey(wire.experimentKey()), cache(wire.cache()));
    }

    /** The cache a request asks for: null (the setting decides), "exact", "semantic" or "off". */
    private static String cache(Object cache) {
        if (cache == null) {
            return null;
        }
        if (cache instanceof Boolean on) {
            return on ? RequestOptions.CACHE_EXACT : RequestOptions.CACHE_OFF;
        }
        if (RequestOptions.CACHE_EXACT.equals(cache) || RequestOptions.CACHE_SEMANTIC.equals(cache)) {
            return (String) cache;
        }
        throw new InvalidRequestException("cache", "'cache' must be true, false, \"exact\" or \"semantic\", not "
                + (cache instanceof String text ? quote(text) : cache instanceof Number n ? "the number " + n
                : "an " + (cache instanceof Map ? "object" : "array")));
    }

    private static String experimentKey(String key) {
        if (key.isEmpty() || key.length() > MAX_ID_CHARS || unprintable(key) >= 0) {
            throw new InvalidRequestException("experimentKey", "'experimentKey' must be 1 to " + MAX_ID_CHARS
                    + " printable characters");
        }
        return key;
    }

    /** The text of the conversation's last user message; "(image)" for one of images only. */
    private static String lastUserText(Chat chat) {
        for (int i = chat.messages().size() - 1; i >= 0; i--) {
            Chat.Message message = chat.messages().get(i);
            if ("user".equals(message.role())) {
                String text = message.text();
                return text.isBlank() ? "(image)" : text;
            }
        }
        return "(no user message)";
    }

    /** The system messages' text joined, or {@code null}. */
    private static String systemText(Chat chat) {
        StringBuilder text = new StringBuilder();
        for (Chat.Message message : chat.messages()) {
            if ("system".equals(message.role())) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(message.text());
            }
        }
        return text.isEmpty() ? null : text.toString();
    }

    /** 1 to 128 of letters, digits, '.', '_', ':' and '-', starting with a letter or digit. */
    private static boolean safeId(String id) {
        if (id.isEmpty() || id.length() > MAX_ID_CHARS || !letterOrDigit(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!letterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /**
     * A tenant is billed in the ledger and named in logs and reports: at most the ledger column's 200 characters, and
     * no control, formatting or line-separator characters (which would forge log lines or hide text in reports).
     */
    private static String tenant(String tenant) {
        if (tenant == null) {
            return null;
        }
        if (tenant.length() > MAX_TENANT_CHARS) {
            throw new InvalidRequestException("tenant", "'tenant' has " + tenant.length() + " characters; the limit is "
                    + MAX_TENANT_CHARS + " (the usage ledger's tenant column)");
        }
        int bad = unprintable(tenant);
        if (bad >= 0) {
            throw new InvalidRequestException("tenant", String.format(Locale.ROOT, "'tenant' must not hold control or "
                    + "formatting characters; it has U+%04X at position %d", (int) tenant.charAt(bad), bad));
        }
        return tenant;
    }

    /**
     * Text sent to a provider must be whole Unicode characters: an unpaired surrogate (written as {@code \ud800}, or
     * as the CESU-8 bytes the JSON parser lets through) cannot be encoded for the provider, and would reach it as '?'.
     */
    static void requireWholeCharacters(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new InvalidRequestException(field, String.format(Locale.ROOT, "'%s' holds half a character "
                        + "(the unpaired surrogate U+%04X at position %d), which is no valid Unicode text", field, (int) c, i));
            }
        }
    }

    /** The index of the first control, formatting, line-separator or unpaired surrogate character, or -1. */
    static int unprintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (Character.getType(text.codePointAt(i)) == Character.FORMAT) {
                    return i;
                }
                i++;
                continue;
            }
            switch (Character.getType(c)) {
                case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                     Character.SURROGATE -> {
                    return i;
                }
                default -> { }
            }
        }
        return -1;
    }

    private Mode mode(String value) {
        if (value == null) {
            return Mode.SINGLE;
        }
        for (Mode mode : supportedModes) {
            if (mode.wireName().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new InvalidRequestException("mode", "'mode' must be one of "
                + String.join(", ", supportedModes.stream().map(Mode::wireName).sorted().toList())
                + ", not " + quote(value));
    }

    private static void requireList(String field, List<String> values, String expectedWhenEmpty) {
        if (values.isEmpty() && expectedWhenEmpty != null) {
            throw invalid(field, expectedWhenEmpty, "an empty array");
        }
        if (values.size() > MAX_LIST_ENTRIES) {
            throw new InvalidRequestException(field, "'" + field + "' lists " + values.size() + " entries; at most "
                    + MAX_LIST_ENTRIES + " are accepted");
        }
        if (values.contains(null)) {
            throw invalid(field, EXPECTED_ELEMENT.get(field), "null");
        }
    }

    private void requireKnownProvider(String field, String id) {
        if (id.length() > MAX_PROVIDER_CHARS || !knownProvider.test(id)) {
            throw new InvalidRequestException(field, "unknown provider " + quote(id)
                    + "; GET /api/v1/providers lists the configured ones");
        }
    }

    /**
     * A choice field's value, trimmed and lower-cased, or null when absent; an {@link InvalidRequestException} naming
     * the field and the allowed values when it is none of them (requests, and the prompt templates' defaults).
     */
    public static String oneOf(String field, String value, List<String> allowed) {
        if (value == null) {
            return null;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(wanted)) {
            throw new InvalidRequestException(field, "'" + field + "' must be one of " + String.join(", ", allowed)
                    + ", not " + quote(value));
        }
        return wanted;
    }

    /** The range check of a numeric field: fails with the field's one expectation and the value it held. */
    private static void check(String field, boolean valid, Number value) {
        if (!valid) {
            throw invalid(field, EXPECTED.get(field), "the number " + number(value));
        }
    }

    private static InvalidRequestException invalid(String field, String expected, String value) {
        return new InvalidRequestException(field, "'" + field + "' " + expected + ", not " + value);
    }

    /** A number as it was most likely written: 5 rather than 5.0. */
    private static String number(Number value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    private static String quote(String value) {
        return "'" + StrictJson.abbreviate(value) + "'";
    }
}
