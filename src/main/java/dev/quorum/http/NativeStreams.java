package dev.quorum.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.RequestParser;
import dev.quorum.api.ResultJson;
import dev.quorum.camel.ProviderConstants;
import dev.quorum.provider.TokenSink;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * Server-sent events for the native API: a request to {@code /api/v1/complete} or {@code /api/v1/consensus} with
 * {@code "stream": true} gets {@code text/event-stream}. In single mode each piece of the provider's answer is an
 * {@code event: token} with {@code data: {"text": "..."}} as the provider produces it; every stream ends with one
 * {@code event: result} holding the whole result JSON (tool calls, usage, cost, route, agreement), or
 * {@code event: error} with the failed result. A request that fails before any token is answered with the usual JSON
 * error and status. Only HTTP streams: a file or a Kafka record with {@code "stream": true} is answered whole.
 */
public final class NativeStreams {

    private static final byte[] STREAM_FIELD = "\"stream\"".getBytes(StandardCharsets.US_ASCII);

    private final CamelContext context;
    private volatile ObjectMapper mapper;
    private volatile RequestParser parser;

    public NativeStreams(CamelContext context) {
        this.context = context;
    }

    /**
     * Before intake: a body that asks for {@code "stream": true} at its top level gets a token sink on the caller's
     * response. A body without the bytes {@code "stream"} is not looked at twice (the common case costs one scan).
     */
    public void accept(Exchange exchange) {
        Message message = exchange.getMessage();
        byte[] body = message.getBody(byte[].class);
        if (body == null || indexOf(body, STREAM_FIELD) < 0 || !(message instanceof HttpMessage)) {
            return;
        }
        JsonNode tree;
        try {
            tree = parser().tree(body, "the request body");
        } catch (RuntimeException e) {
            return; // intake reports what is wrong with the body
        }
        if (tree.path("stream").asBoolean(false) && tree.path("stream").isBoolean()) {
            exchange.setVariable(ProviderConstants.VAR_TOKEN_SINK, new Stream(((HttpMessage) message).getResponse(), mapper()));
        }
        message.setBody(body);
    }

    /** Whether the request asked for a stream (its reply is events, not JSON). */
    public boolean requested(Exchange exchange) {
        return exchange.getVariable(ProviderConstants.VAR_TOKEN_SINK) instanceof Stream;
    }

    /**
     * Ends the stream with the result: after tokens, the {@code result} (or {@code error}) event; with none sent (a
     * consensus, a tool call, a failure before the first token), the whole reply as events, or a failure as JSON.
     */
    public void end(Exchange exchange) throws JsonProcessingException {
        Stream stream = exchange.getVariable(ProviderConstants.VAR_TOKEN_SINK, Stream.class);
        CompletionResult result = exchange.getMessage().getBody(CompletionResult.class);
        if (stream.started()) {
            stream.finish(result);
            exchange.getMessage().setBody(null);
            return;
        }
        if (result.failed()) {
            // nothing sent yet: the usual JSON error with its status
            new ResultJson(mapper()).write(exchange);
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, result.status());
            exchange.getMessage().removeHeader(ResultJson.STATUS);
            exchange.getMessage().setBody(Buffer.buffer(exchange.getMessage().getBody(byte[].class)));
            return;
        }
        byte[] tokens = result.answer() == null || result.answer().isEmpty() ? new byte[0]
                : Stream.event("token", mapper().writeValueAsBytes(Map.of("text", result.answer())));
        byte[] end = Stream.event("result", mapper().writeValueAsBytes(result));
        byte[] all = new byte[tokens.length + end.length];
        System.arraycopy(tokens, 0, all, 0, tokens.length);
        System.arraycopy(end, 0, all, tokens.length, end.length);
        Message message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "text/event-stream");
        message.setHeader("Cache-Control", "no-cache");
        message.setHeader(ResultJson.REQUEST_ID, result.id());
        message.setBody(Buffer.buffer(all));
    }

    private ObjectMapper mapper() {
        if (mapper == null) {
            mapper = context.getRegistry().lookupByNameAndType("quorumObjectMapper", ObjectMapper.class);
        }
        return mapper;
    }

    private RequestParser parser() {
        if (parser == null) {
            parser = context.getRegistry().lookupByNameAndType("requestParser", RequestParser.class);
        }
        return parser;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** One caller's live event stream, written straight to its Vert.x response as tokens arrive. */
    static final class Stream implements TokenSink {
        private final HttpServerResponse response;
        private final ObjectMapper mapper;
        private volatile boolean started;
        private boolean ended;

        Stream(HttpServerResponse response, ObjectMapper mapper) {
            this.response = response;
            this.mapper = mapper;
        }

        @Override
        public synchronized void token(String requestId, String text) {
            if (ended) {
                return;
            }
            try {
                if (!started) {
                    response.setStatusCode(200).setChunked(true)
                            .putHeader("Content-Type", "text/event-stream")
                            .putHeader("Cache-Control", "no-cache")
                            .putHeader(ResultJson.REQUEST_ID, requestId);
                    started = true;
                }
                if (!response.closed()) {
                    response.write(Buffer.buffer(event("token", mapper.writeValueAsBytes(Map.of("text", text)))));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a token could not be written as JSON", e);
            }
        }

        @Override
        public boolean started() {
            return started;
        }

        synchronized void finish(CompletionResult result) throws JsonProcessingException {
            if (ended) {
                return;
            }
            ended = true;
            try {
                response.end(Buffer.buffer(event(result.failed() ? "error" : "result", mapper.writeValueAsBytes(result))));
            } catch (IllegalStateException e) {
                // the caller had gone; the call was still made and billed
            }
        }

        static byte[] event(String name, byte[] json) {
            byte[] head = ("event: " + name + "\ndata: ").getBytes(StandardCharsets.US_ASCII);
            byte[] event = new byte[head.length + json.length + 2];
            System.arraycopy(head, 0, event, 0, head.length);
            System.arraycopy(json, 0, event, head.length, json.length);
            event[event.length - 2] = '\n';
            event[event.length - 1] = '\n';
            return event;
        }
    }
}
