package dev.quorum.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.InvalidRequestException;
import dev.quorum.api.ResultJson;
import dev.quorum.api.StrictJson;
import dev.quorum.camel.OpenAiConstants;
import dev.quorum.camel.ProviderConstants;
import dev.quorum.provider.ProviderSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of {@code routes/openai.camel.yaml}: {@link #accept} turns an OpenAI chat-completions body into Quorum's
 * request JSON for {@code direct:intake}; {@link #json} and {@link #events} write the result back in OpenAI's shape,
 * as one JSON object or as server-sent events; {@link #models} answers {@code GET /v1/models}. A streamed
 * single-mode answer is written token by token by {@link OpenAiStream} while the provider answers, and
 * {@link #endStream} closes it.
 */
public final class OpenAiApi {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiApi.class);
    private static final String MODELS_PATH = "/v1/models/";

    private final ObjectMapper mapper;
    private final StrictJson json;
    private final OpenAiRequests requests;
    private final OpenAiReplies replies;
    private final byte[] models;
    private final Map<String, byte[]> modelsById = new java.util.HashMap<>();

    public OpenAiApi(ObjectMapper mapper, StrictJson json, OpenAiRequests requests, List<ProviderSpec> enabled,
                     long startedEpochSeconds) throws JsonProcessingException {
        this.mapper = mapper;
        this.json = json;
        this.requests = requests;
        this.replies = new OpenAiReplies(mapper);
        Map<String, Object> list = modelList(requests, enabled, startedEpochSeconds);
        this.models = mapper.writeValueAsBytes(list);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> data = (List<Map<String, Object>>) list.get("data");
        for (Map<String, Object> model : data) {
            modelsById.put((String) model.get("id"), mapper.writeValueAsBytes(model));
        }
    }

    public void accept(Exchange exchange) {
        Message message = exchange.getMessage();
        // the SDKs always send a key; without API-key checks it is simply not needed past this point
        message.removeHeader("Authorization");
        message.removeHeader("X-API-Key");
        exchange.setVariable(OpenAiConstants.VAR_OPENAI_CREATED, System.currentTimeMillis() / 1000);
        byte[] body = message.getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw new InvalidRequestException(null, "the request body is empty; expected a chat completion request "
                    + "such as {\"model\":\"quorum/route\",\"messages\":[{\"role\":\"user\",\"content\":\"...\"}]}");
        }
        // read as strictly as Quorum's own requests: one JSON value, no name twice, nesting and sizes bounded
        JsonNode tree = json.tree(body, "the request body");
        OpenAiRequests.Translation translation = requests.translate(tree);
        exchange.setVariable(OpenAiConstants.VAR_OPENAI_MODEL, translation.model());
        exchange.setVariable(OpenAiConstants.VAR_OPENAI_STREAM, translation.stream());
        exchange.setVariable(OpenAiConstants.VAR_OPENAI_STREAM_USAGE, translation.streamUsage());
        if (translation.stream() && message instanceof HttpMessage http) {
            // the Vert.x response, kept now because later steps may replace the message: a single-mode provider
            // call streams its tokens straight to it (routes/engine/providers.camel.yaml)
            exchange.setVariable(ProviderConstants.VAR_TOKEN_SINK, new OpenAiStream(http.getResponse(), replies,
                    translation.model(), created(exchange)));
        }
        message.setBody(translation.request());
    }

    /** The result as a {@code chat.completion} object, or an OpenAI error body with the result's status. */
    public void json(Exchange exchange) throws JsonProcessingException {
        CompletionResult result = exchange.getMessage().getBody(CompletionResult.class);
        Object reply = result.failed() ? replies.error(result)
                : replies.completion(result, model(exchange, result), created(exchange));
        write(exchange.getMessage(), mapper.writeValueAsBytes(reply), result.failed() ? result.status() : 200,
                "application/json", result.id());
    }

    /** A successful result as {@code text/event-stream}: its chunks and the closing {@code data: [DONE]}. */
    public void events(Exchange exchange) throws JsonProcessingException {
        CompletionResult result = exchange.getMessage().getBody(CompletionResult.class);
        boolean usage =
                Boolean.TRUE.equals(exchange.getVariable(OpenAiConstants.VAR_OPENAI_STREAM_USAGE, Boolean.class));
        Message message = exchange.getMessage();
        write(message, replies.eventStream(result, model(exchange, result), created(exchange), usage), 200,
                "text/event-stream", result.id());
        message.setHeader("Cache-Control", "no-cache");
    }

    /** Whether a provider's tokens are already on the wire, so the reply can only end that stream. */
    public boolean streaming(Exchange exchange) {
        return exchange.getVariable(ProviderConstants.VAR_TOKEN_SINK) instanceof OpenAiStream stream && stream.open();
    }

    /**
     * Ends the stream a provider started: the finish chunk (with the {@code quorum} details and the whole route) and
     * {@code [DONE]}, or, when the answer failed after tokens were sent, an OpenAI error event and {@code [DONE]}.
     */
    public void endStream(Exchange exchange) throws JsonProcessingException {
        OpenAiStream stream = exchange.getVariable(ProviderConstants.VAR_TOKEN_SINK, OpenAiStream.class);
        CompletionResult result = exchange.getMessage().getBody(CompletionResult.class);
        if (result.failed()) {
            stream.fail(result);
        } else {
            stream.finish(result, Boolean.TRUE.equals(
                    exchange.getVariable(OpenAiConstants.VAR_OPENAI_STREAM_USAGE, Boolean.class)));
        }
        exchange.getMessage().setBody(null);
    }

    /** The reply could not be written (a bug): logged here with its cause, a short OpenAI 500 to the caller. */
    public void internalError(Exchange exchange) throws JsonProcessingException {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String id = exchange.getMessage().getBody() instanceof CompletionResult result ? result.id() : null;
        LOG.error("Writing the OpenAI reply of request {} failed", id, failure);
        if (exchange.getVariable(ProviderConstants.VAR_TOKEN_SINK) instanceof OpenAiStream stream && stream.open()) {
            stream.abort("Quorum failed to end the stream" + (id == null ? "" : " of request " + id)
                    + "; the server log has the details");
            return;
        }
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        write(message, mapper.writeValueAsBytes(OpenAiReplies.error(500, "internal_error",
                "Quorum failed to write the reply" + (id == null ? "" : " to request " + id)
                        + "; the server log has the details")), 500, "application/json", id);
    }

    public void models(Exchange exchange) {
        write(exchange.getMessage(), models, 200, "application/json", null);
    }

    /** {@code GET /v1/models/{model}}: one model of the list, or OpenAI's 404 {@code model_not_found}. */
    public void model(Exchange exchange) throws JsonProcessingException {
        String uri = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
        if (uri != null && uri.indexOf('?') >= 0) {
            uri = uri.substring(0, uri.indexOf('?'));
        }
        String id = uri == null || !uri.startsWith(MODELS_PATH) ? null : modelId(uri.substring(MODELS_PATH.length()));
        exchange.getMessage().removeHeaders("*");
        byte[] model = id == null ? null : modelsById.get(id);
        if (model != null) {
            write(exchange.getMessage(), model, 200, "application/json", null);
        } else {
            write(exchange.getMessage(), mapper.writeValueAsBytes(OpenAiReplies.error(404, "model_not_found",
                    "The model '" + StrictJson.abbreviate(id) + "' does not exist on this Quorum; GET /v1/models lists them")),
                    404, "application/json", null);
        }
    }

    /** The model id of a path, percent-decoded; a malformed escape ({@code %zz}) is no id of ours, kept as written. */
    private static String modelId(String encoded) {
        try {
            return java.net.URLDecoder.decode(encoded, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }

    private static void write(Message message, byte[] body, int status, String contentType, String requestId) {
        message.setBody(body);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        if (requestId != null) {
            message.setHeader(ResultJson.REQUEST_ID, requestId);
        }
    }

    private static String model(Exchange exchange, CompletionResult result) {
        String asked = exchange.getVariable(OpenAiConstants.VAR_OPENAI_MODEL, String.class);
        return asked != null ? asked : result.model();
    }

    private static long created(Exchange exchange) {
        Long created = exchange.getVariable(OpenAiConstants.VAR_OPENAI_CREATED, Long.class);
        return created != null ? created : System.currentTimeMillis() / 1000;
    }

    private static Map<String, Object> modelList(OpenAiRequests requests, List<ProviderSpec> enabled, long created) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (ProviderSpec spec : enabled) {
            data.add(model(spec.id(), created, spec.kind().wireName()));
        }
        for (String virtual : requests.virtualModels()) {
            data.add(model(virtual, created, "quorum"));
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("data", data);
        return list;
    }

    private static Map<String, Object> model(String id, long created, String ownedBy) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", id);
        model.put("object", "model");
        model.put("created", created);
        model.put("owned_by", ownedBy);
        return model;
    }
}
