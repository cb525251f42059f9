package dev.quorum.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A local stand-in for the hosted LLM APIs: a real HTTP server on 127.0.0.1 that answers in the OpenAI, Anthropic,
 * Gemini, Ollama and Mistral wire formats, usage counts included, so the real LangChain4j clients run unchanged
 * against it. Every simulated provider has its own {@link SimScript} and call log; its URLs carry its id
 * ({@code /<id>/<format>/...}). Quorum's default run, its tests and its benchmark all use it.
 */
public final class ProviderSimulator implements AutoCloseable {

    /** How long a hanging call waits at most, so a forgotten script cannot hold a thread forever. */
    private static final long MAX_HANG_MILLIS = 120_000;
    private static final int MAX_CALLS_KEPT = 10_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    static {
        // the JDK server writes headers and body separately; without TCP_NODELAY, delayed ACKs add ~40 ms per call
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, ProviderState> providers = new ConcurrentHashMap<>();
    private volatile Map<String, SimScript> baseline = Map.of();

    private ProviderSimulator(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a simulator on {@code port} of 127.0.0.1; 0 picks a free port. */
    public static ProviderSimulator start(int port) {
        // headers and body leave in two writes; with Nagle's algorithm on, the client's delayed ACK adds ~40 ms to
        // every simulated call. The JDK server reads this once, before its first socket.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "provider-simulator");
                thread.setDaemon(true);
                return thread;
            });
            ProviderSimulator simulator = new ProviderSimulator(server, executor);
            server.createContext("/", simulator::handle);
            server.setExecutor(executor);
            server.start();
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException("the provider simulator could not listen on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL a LangChain4j client of {@code format} must be given to reach simulated provider {@code id}. */
    public String baseUrl(String id, WireFormat format) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a simulated provider id is letters, digits, '.', '_' and '-', not '" + id + "'");
        }
        String base = "http://127.0.0.1:" + port() + "/" + id + "/" + format.segment();
        return switch (format) {
            case OPENAI, MISTRAL -> base + "/v1";
            case ANTHROPIC -> base + "/v1/";
            case GEMINI -> base + "/v1beta";
            case OLLAMA -> base;
        };
    }

    public void script(String id, SimScript script) {
        state(id).replace(script);
    }

    public SimScript script(String id) {
        return state(id).script;
    }

    /**
     * How many answers of provider {@code id} the client stopped reading: the connection was closed before the whole
     * answer (body or stream) had been sent, e.g. by a client that gave up at its deadline.
     */
    public int disconnects(String id) {
        ProviderState state = providers.get(id);
        return state == null ? 0 : state.disconnects.get();
    }

    /** The calls provider {@code id} received, oldest first (the latest 10,000). */
    public List<SimCall> calls(String id) {
        ProviderState state = providers.get(id);
        return state == null ? List.of() : List.copyOf(state.calls);
    }

    /**
     * How many chat requests provider {@code id} has received, counted as each arrives (before any latency, hang or
     * failure), so a test can compare it with what the caller recorded even for calls the caller never saw end.
     */
    public int received(String id) {
        ProviderState state = providers.get(id);
        return state == null ? 0 : state.received.get();
    }

    /** Remembers the current scripts as the ones {@link #reset()} returns to (the configured behaviour). */
    public void markBaseline() {
        Map<String, SimScript> scripts = new java.util.HashMap<>();
        providers.forEach((id, state) -> scripts.put(id, state.script));
        baseline = Map.copyOf(scripts);
    }

    /** Forgets every call and every script set since {@link #markBaseline()}. */
    public void reset() {
        providers.clear();
        baseline.forEach(this::script);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ProviderState state(String id) {
        return providers.computeIfAbsent(id, key -> new ProviderState());
    }

    private void handle(HttpExchange exchange) throws IOException {
        boolean cutOff = false;
        try {
            String[] segments = exchange.getRequestURI().getPath().replaceAll("^/+", "").split("/");
            if (segments.length >= 1 && segments[0].equals("_sim")) {
                admin(exchange, segments);
                return;
            }
            if (segments.length < 3) {
                send(exchange, 404, json("error", "no simulated provider at " + exchange.getRequestURI().getPath()));
                return;
            }
            WireFormat format;
            try {
                format = WireFormat.valueOf(segments[1].toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                send(exchange, 404, json("error", "unknown wire format '" + segments[1] + "'"));
                return;
            }
            String id = segments[0];
            String path = String.join("/", java.util.Arrays.copyOfRange(segments, 2, segments.length));
            if (format == WireFormat.OLLAMA && path.equals("api/tags")) {
                ObjectNode tags = mapper.createObjectNode();
                ArrayNode models = tags.putArray("models");
                for (String model : state(id).script.models()) {
                    models.addObject().put("name", model).put("model", model);
                }
                send(exchange, 200, tags);
                return;
            }
            if (!exchange.getRequestMethod().equals("POST") || !expectedPath(format, path)) {
                send(exchange, 404, json("error", "the " + format.segment() + " format has no " + exchange.getRequestMethod()
                        + " /" + path));
                return;
            }
            chat(exchange, id, format, path);
        } catch (StreamCut e) {
            // leaving the handler with an exception and the exchange open makes the JDK server drop the connection
            // without the chunked body's last chunk: the client reads a premature end of stream
            cutOff = true;
            throw e;
        } catch (RuntimeException e) {
            send(exchange, 500, json("error", "simulator failure: " + e));
        } finally {
            if (!cutOff) {
                exchange.close();
            }
        }
    }

    /** Thrown to cut a streamed answer off mid-way ({@link SimScript#streamBreakAfterChars()}). */
    private static final class StreamCut extends RuntimeException {
        StreamCut() {
            super("simulated broken stream", null, false, false);
        }
    }

    private static boolean expectedPath(WireFormat format, String path) {
        return switch (format) {
            case OPENAI, MISTRAL -> path.equals("v1/chat/completions");
            case ANTHROPIC -> path.equals("v1/messages");
            case GEMINI -> path.startsWith("v1beta/models/")
                    && (path.endsWith(":generateContent") || path.endsWith(":streamGenerateContent"));
            case OLLAMA -> path.equals("api/chat");
        };
    }

    private void chat(HttpExchange exchange, String id, WireFormat format, String path) throws IOException {
        JsonNode request;
        try (InputStream body = exchange.getRequestBody()) {
            request = mapper.readTree(body);
        } catch (IOException e) {
            send(exchange, 400, json("error", "the request body is not JSON"));
            return;
        }
        ProviderState state = state(id);
        state.received.incrementAndGet();
        Instant receivedAt = Instant.now();
        SimScript script = state.script;
        Prompt prompt = Prompt.of(format, request);
        String model = format == WireFormat.GEMINI
                ? path.substring("v1beta/models/".length(), path.lastIndexOf(':'))
                : request.path("model").asText("");
        boolean stream = format == WireFormat.GEMINI ? path.endsWith(":streamGenerateContent")
                : request.path("stream").asBoolean(false);

        if (script.hang()) {
            pause(MAX_HANG_MILLIS);
            state.record(new SimCall(id, format, model, prompt.last, prompt.maxTokens, 0, 0, 0, null, Instant.now(), receivedAt));
            return;
        }
        if (script.latencyMs() > 0) {
            pause(script.latencyMs());
        }
        if (state.shouldFail(script)) {
            int status = script.errorStatus();
            boolean busy = status == 429 || status == 503;
            if (busy) {
                retryAfter(exchange, script);
            }
            state.record(new SimCall(id, format, model, prompt.last, prompt.maxTokens, 0, 0, status, null, Instant.now(), receivedAt));
            // by default the wait is also in the message, as OpenAI words it ("Please try again in 20s"); the other
            // forms name it in a header only, as Anthropic does
            String message = "simulated failure of " + id + (busy && script.retryAfterForm() == SimScript.RetryAfterForm.MESSAGE
                    ? ". Please try again in " + script.retryAfterSeconds() + "s." : "");
            byte[] error = script.errorBody() != null
                    ? script.errorBody().replace("{{key}}", presentedKey(exchange)).getBytes(StandardCharsets.UTF_8)
                    : mapper.writeValueAsBytes(WireResponses.error(mapper, format, status, message));
            answer(exchange, state, status, error, script.trickleMs());
            return;
        }
        if (prompt.maxTokens != null && prompt.maxTokens < 1) {
            // every provider refuses an output limit below one token before generating anything
            state.record(new SimCall(id, format, model, prompt.last, prompt.maxTokens, 0, 0, 400, null, Instant.now(), receivedAt));
            send(exchange, 400, WireResponses.error(mapper, format, 400, "max output tokens must be at least 1, not "
                    + prompt.maxTokens));
            return;
        }
        SimRequest asked = SimRequest.of(format, request);
        List<WireResponses.ToolCallOut> calls = toolCalls(format, script, asked);
        List<String> called = calls.stream().map(WireResponses.ToolCallOut::name).toList();
        SimRequest.Message last = asked.last();
        // after a tool result the answer is about that result; in JSON mode it is a JSON object
        String whole = !calls.isEmpty() ? ""
                : last != null && "tool".equals(last.role()) ? script.answer(id, last.text())
                : script.answer(id, prompt.last);
        if (calls.isEmpty() && asked.json()) {
            whole = jsonAnswer(script, asked.schema(), whole);
        }
        whole = cutAtStop(whole, asked.stop());
        // a provider stops generating at the request's output limit and says so in its finish reason
        String answer = SimScript.truncate(whole, prompt.maxTokens);
        boolean truncated = answer.length() < whole.length();
        int inputTokens = script.reportedInputTokens() != null ? script.reportedInputTokens()
                : prompt.tokens + IMAGE_TOKENS * asked.images();
        int outputTokens = script.reportedOutputTokens() != null ? script.reportedOutputTokens()
                : calls.isEmpty() ? SimScript.tokens(answer)
                : calls.stream().mapToInt(call -> SimScript.tokens(call.name() + call.arguments())).sum();
        SimCall call = new SimCall(id, format, model, prompt.last, prompt.maxTokens, inputTokens, outputTokens, 200,
                answer, Instant.now(), receivedAt, asked, called);
        if (stream) {
            boolean usage = request.path("stream_options").path("include_usage").asBoolean(false);
            stream(exchange, state, call, script, usage, truncated, calls);
            return;
        }
        state.record(call);
        ObjectNode body = calls.isEmpty()
                ? WireResponses.answer(mapper, format, model, answer, inputTokens, outputTokens, truncated)
                : WireResponses.toolAnswer(mapper, format, model, calls, inputTokens, outputTokens);
        answer(exchange, state, 200, mapper.writeValueAsBytes(body), script.trickleMs());
    }

    /** The input tokens one image part counts (OpenAI's count for a low-detail image). */
    static final int IMAGE_TOKENS = 85;

    /**
     * The tools this call calls: none unless tools are offered and the last message is no tool result; then the one
     * the request forces, else the script's {@code toolCallName} if offered, else the first offered when the request
     * requires a call.
     */
    private List<WireResponses.ToolCallOut> toolCalls(WireFormat format, SimScript script, SimRequest asked) {
        SimRequest.Message last = asked.last();
        if (asked.tools().isEmpty() || last == null || "tool".equals(last.role()) || "none".equals(asked.toolChoice())) {
            return List.of();
        }
        SimRequest.Tool chosen = null;
        for (SimRequest.Tool tool : asked.tools()) {
            if (tool.name().equals(asked.forcedTool())
                    || asked.forcedTool() == null && tool.name().equals(script.toolCallName())) {
                chosen = tool;
            }
        }
        if (chosen == null && "required".equals(asked.toolChoice())) {
            chosen = asked.tools().get(0);
        }
        if (chosen == null) {
            return List.of();
        }
        JsonNode arguments;
        try {
            arguments = script.toolCallArguments() != null ? mapper.readTree(script.toolCallArguments())
                    : example(chosen.parameters());
        } catch (IOException e) {
            throw new IllegalArgumentException("toolCallArguments is not JSON: " + script.toolCallArguments(), e);
        }
        String callId = switch (format) {
            case ANTHROPIC -> "toolu_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            case MISTRAL -> java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 9);
            default -> "call_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        };
        return List.of(new WireResponses.ToolCallOut(callId, chosen.name(), arguments));
    }

    /** The JSON-mode answer: the script's, else the schema's required fields, else the text as {"answer": ...}. */
    private String jsonAnswer(SimScript script, JsonNode schema, String text) {
        if (script.jsonAnswer() != null) {
            return script.jsonAnswer();
        }
        if (schema == null) {
            return mapper.createObjectNode().put("answer", text).toString();
        }
        return example(schema).toString();
    }

    /** A value valid against a simple JSON schema: its required properties (all, if none are listed) filled in. */
    private JsonNode example(JsonNode schema) {
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText()
                : schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type.toLowerCase(java.util.Locale.ROOT)) {
            case "object" -> {
                ObjectNode object = mapper.createObjectNode();
                JsonNode properties = schema.path("properties");
                JsonNode required = schema.path("required");
                Iterator<String> names = required.isArray() && !required.isEmpty()
                        ? java.util.stream.StreamSupport.stream(required.spliterator(), false).map(JsonNode::asText)
                        .iterator() : properties.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    object.set(name, example(properties.path(name)));
                }
                return object;
            }
            case "array" -> {
                return mapper.createArrayNode();
            }
            case "integer", "number" -> {
                return mapper.getNodeFactory().numberNode(1);
            }
            case "boolean" -> {
                return mapper.getNodeFactory().booleanNode(true);
            }
            case "null" -> {
                return mapper.getNodeFactory().nullNode();
            }
            default -> {
                return mapper.getNodeFactory().textNode("simulated");
            }
        }
    }

    /** The answer cut before the first stop sequence it holds, as a provider stops generating there. */
    private static String cutAtStop(String answer, List<String> stop) {
        int cut = answer.length();
        for (String sequence : stop) {
            int at = sequence.isEmpty() ? -1 : answer.indexOf(sequence);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return answer.substring(0, cut);
    }

    /** The header that names a 429's or 503's wait, in the script's form. */
    private static void retryAfter(HttpExchange exchange, SimScript script) {
        int seconds = script.retryAfterSeconds();
        switch (script.retryAfterForm()) {
            case MESSAGE, SECONDS -> exchange.getResponseHeaders().set("Retry-After", String.valueOf(seconds));
            case DATE -> exchange.getResponseHeaders().set("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(seconds)));
            case MILLIS -> exchange.getResponseHeaders().set("retry-after-ms", String.valueOf(seconds * 1000L));
        }
    }

    /**
     * Sends a chat call's JSON body, at once or one byte every {@code trickleMs}; a client that closes the connection
     * before the last byte is counted in {@link #disconnects}.
     */
    private static void answer(HttpExchange exchange, ProviderState state, int status, byte[] body, long trickleMs)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, body, trickleMs);
        } catch (IOException e) {
            state.disconnects.incrementAndGet();
            throw e;
        }
    }

    /** Writes {@code bytes} at once, or flushes them one byte every {@code trickleMs} milliseconds. */
    private static void write(OutputStream out, byte[] bytes, long trickleMs) throws IOException {
        if (trickleMs <= 0) {
            out.write(bytes);
            return;
        }
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            pause(trickleMs);
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("the simulator is stopping");
            }
        }
    }

    /** The API key a call presented: a bearer token, an {@code x-api-key} or {@code x-goog-api-key}, or {@code key=}. */
    private static String presentedKey(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            return authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim()
                    : authorization.trim();
        }
        for (String header : new String[] {"x-api-key", "x-goog-api-key"}) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                return value.trim();
            }
        }
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("key=")) {
                    return java.net.URLDecoder.decode(parameter.substring(4), StandardCharsets.UTF_8);
                }
            }
        }
        return "";
    }

    /**
     * Sends the answer of {@code call} piece by piece in its format's stream framing, flushing every frame; cut off
     * after {@code streamBreakAfterChars} characters when the script says so (the call is then recorded with the
     * text that was sent). A streamed call is recorded when its last byte has been sent.
     */
    private void stream(HttpExchange exchange, ProviderState state, SimCall call, SimScript script, boolean usage,
                        boolean truncated, List<WireResponses.ToolCallOut> calls) throws IOException {
        try {
            streamFrames(exchange, state, call, script, usage, truncated, calls);
        } catch (IOException e) {
            state.disconnects.incrementAndGet();
            throw e;
        }
    }

    private void streamFrames(HttpExchange exchange, ProviderState state, SimCall call, SimScript script, boolean usage,
                              boolean truncated, List<WireResponses.ToolCallOut> calls) throws IOException {
        WireResponses.Stream stream = calls.isEmpty()
                ? WireResponses.stream(mapper, call.format(), call.model(), call.answer(), call.inputTokens(),
                call.outputTokens(), usage, truncated)
                : WireResponses.toolStream(mapper, call.format(), call.model(), calls, call.inputTokens(),
                call.outputTokens(), usage);
        exchange.getResponseHeaders().set("Content-Type", stream.contentType());
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        long trickle = script.trickleMs();
        for (byte[] frame : stream.head()) {
            write(out, frame, trickle);
        }
        out.flush();
        int limit = script.streamBreakAfterChars();
        StringBuilder sent = new StringBuilder();
        for (String piece : stream.pieces()) {
            if (limit >= 0 && sent.length() + piece.length() > limit) {
                String part = piece.substring(0, limit - sent.length());
                if (!part.isEmpty()) {
                    write(out, stream.piece().frame(part), trickle);
                    sent.append(part);
                }
                out.flush();
                state.record(new SimCall(call.provider(), call.format(), call.model(), call.prompt(), call.maxTokens(),
                        call.inputTokens(), 0, 200, sent.toString(), Instant.now(), call.receivedAt()));
                throw new StreamCut();
            }
            if (script.streamChunkDelayMs() > 0 && !sent.isEmpty()) {
                pause(script.streamChunkDelayMs());
            }
            write(out, stream.piece().frame(piece), trickle);
            out.flush();
            sent.append(piece);
        }
        if (limit >= 0 && sent.length() >= limit) {
            state.record(new SimCall(call.provider(), call.format(), call.model(), call.prompt(), call.maxTokens(),
                    call.inputTokens(), 0, 200, sent.toString(), Instant.now(), call.receivedAt()));
            throw new StreamCut();
        }
        for (byte[] frame : stream.tail()) {
            write(out, frame, trickle);
        }
        out.flush();
        state.record(new SimCall(call.provider(), call.format(), call.model(), call.prompt(), call.maxTokens(),
                call.inputTokens(), call.outputTokens(), 200, call.answer(), Instant.now(), call.receivedAt(),
                call.request(), call.toolCalls()));
        out.close();
    }

    private void admin(HttpExchange exchange, String[] segments) throws IOException {
        String method = exchange.getRequestMethod();
        if (segments.length == 1 && method.equals("DELETE")) {
            reset();
            send(exchange, 204, null);
            return;
        }
        if (segments.length == 3 && ID.matcher(segments[1]).matches()) {
            String id = segments[1];
            if (segments[2].equals("script") && method.equals("PUT")) {
                try (InputStream body = exchange.getRequestBody()) {
                    script(id, WireResponses.scriptFromJson(mapper.readTree(body)));
                } catch (IOException | IllegalArgumentException e) {
                    send(exchange, 400, json("error", "bad script: " + e.getMessage()));
                    return;
                }
                send(exchange, 204, null);
                return;
            }
            if (segments[2].equals("received") && method.equals("GET")) {
                send(exchange, 200, mapper.createObjectNode().put("provider", id).put("received", received(id)));
                return;
            }
            if (segments[2].equals("calls") && method.equals("GET")) {
                ArrayNode calls = mapper.createArrayNode();
                for (SimCall call : calls(id)) {
                    ObjectNode row = calls.addObject();
                    row.put("provider", call.provider()).put("format", call.format().segment()).put("model", call.model())
                            .put("prompt", call.prompt()).put("inputTokens", call.inputTokens())
                            .put("outputTokens", call.outputTokens()).put("status", call.status())
                            .put("answer", call.answer()).put("at", call.at().toString());
                    if (call.maxTokens() != null) {
                        row.put("maxTokens", call.maxTokens());
                    }
                    if (call.request() != null) {
                        // what the chat request asked, for checks outside the JVM (the OpenAI SDK check)
                        ArrayNode roles = row.putArray("roles");
                        call.request().roles().forEach(roles::add);
                        row.put("images", call.request().images()).put("json", call.request().json());
                        ArrayNode tools = row.putArray("tools");
                        call.request().tools().forEach(tool -> tools.add(tool.name()));
                        ArrayNode called = row.putArray("toolCalls");
                        call.toolCalls().forEach(called::add);
                    }
                }
                send(exchange, 200, calls);
                return;
            }
        }
        send(exchange, 404, json("error", "admin API: PUT /_sim/<id>/script, GET /_sim/<id>/calls, "
                + "GET /_sim/<id>/received, DELETE /_sim"));
    }

    private ObjectNode json(String field, String message) {
        return mapper.createObjectNode().put(field, message);
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The texts of a chat request: the last user message, all-message token count and the requested output cap. */
    private record Prompt(String last, int tokens, Integer maxTokens) {

        static Prompt of(WireFormat format, JsonNode request) {
            List<String> texts = new ArrayList<>();
            String last = "";
            Integer maxTokens = null;
            switch (format) {
                case OPENAI, MISTRAL, OLLAMA, ANTHROPIC -> {
                    if (format == WireFormat.ANTHROPIC) {
                        collect(request.path("system"), texts);
                    }
                    for (JsonNode message : request.path("messages")) {
                        List<String> own = new ArrayList<>();
                        collect(message.path("content"), own);
                        texts.addAll(own);
                        if ("user".equals(message.path("role").asText())) {
                            last = String.join("\n", own);
                        }
                    }
                    JsonNode cap = format == WireFormat.OLLAMA ? request.path("options").path("num_predict")
                            : request.has("max_completion_tokens") ? request.path("max_completion_tokens")
                            : request.path("max_tokens");
                    maxTokens = cap.isNumber() ? cap.intValue() : null;
                }
                case GEMINI -> {
                    collect(request.path("systemInstruction").path("parts"), texts);
                    for (JsonNode content : request.path("contents")) {
                        List<String> own = new ArrayList<>();
                        collect(content.path("parts"), own);
                        texts.addAll(own);
                        if ("user".equals(content.path("role").asText("user"))) {
                            last = String.join("\n", own);
                        }
                    }
                    JsonNode cap = request.path("generationConfig").path("maxOutputTokens");
                    maxTokens = cap.isNumber() ? cap.intValue() : null;
                }
            }
            int tokens = 0;
            for (String text : texts) {
                tokens += SimScript.tokens(text);
            }
            return new Prompt(last, tokens, maxTokens);
        }

        /** Message content is a string, or an array of parts with {@code text}. */
        private static void collect(JsonNode content, List<String> into) {
            if (content.isTextual()) {
                into.add(content.textValue());
            } else if (content.isArray()) {
                for (Iterator<JsonNode> parts = content.elements(); parts.hasNext(); ) {
                    JsonNode part = parts.next();
                    if (part.isTextual()) {
                        into.add(part.textValue());
                    } else if (part.has("text")) {
                        into.add(part.path("text").asText());
                    }
                }
            }
        }
    }

    /** The mutable part of one simulated provider: its script, the failures still owed, its random draws and calls. */
    private static final class ProviderState {
        private volatile SimScript script = SimScript.defaults();
        private final AtomicInteger failNext = new AtomicInteger();
        private final Random random = new Random(42);
        private final ConcurrentLinkedDeque<SimCall> calls = new ConcurrentLinkedDeque<>();
        private final AtomicInteger size = new AtomicInteger();
        private final AtomicInteger disconnects = new AtomicInteger();
        private final AtomicInteger received = new AtomicInteger();

        void replace(SimScript next) {
            script = next;
            failNext.set(next.failNext());
        }

        boolean shouldFail(SimScript current) {
            if (failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                return true;
            }
            if (current.errorRate() <= 0) {
                return false;
            }
            synchronized (random) {
                return random.nextDouble() < current.errorRate();
            }
        }

        void record(SimCall call) {
            calls.addLast(call);
            if (size.incrementAndGet() > MAX_CALLS_KEPT) {
                calls.pollFirst();
                size.decrementAndGet();
            }
        }
    }
}
