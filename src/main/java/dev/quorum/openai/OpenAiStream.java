package dev.quorum.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.ResultJson;
import dev.quorum.provider.TokenSink;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OpenAI-API caller's live {@code text/event-stream}, written straight to its Vert.x response as a provider's
 * tokens arrive. Nothing is sent before the first token, so a request that fails before it is answered with the
 * usual JSON error. After the first token the stream is the caller's only answer: it is ended by {@link #finish}
 * (finish reason, {@code quorum} details, usage, {@code [DONE]}) or {@link #fail} (an error event, {@code [DONE]}).
 * Once the response has ended, {@code camel-platform-http-vertx} writes nothing more.
 */
final class OpenAiStream implements TokenSink {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiStream.class);

    private final HttpServerResponse response;
    private final OpenAiReplies replies;
    private final String model;
    private final long created;
    private volatile boolean started;
    private boolean ended;
    private String id;

    OpenAiStream(HttpServerResponse response, OpenAiReplies replies, String model, long created) {
        this.response = response;
        this.replies = replies;
        this.model = model;
        this.created = created;
    }

    @Override
    public synchronized void token(String requestId, String text) {
        if (ended) {
            return;
        }
        try {
            if (!started) {
                id = OpenAiReplies.completionId(requestId);
                response.setStatusCode(200).setChunked(true)
                        .putHeader("Content-Type", "text/event-stream")
                        .putHeader("Cache-Control", "no-cache")
                        .putHeader(ResultJson.REQUEST_ID, requestId);
                started = true;
                // the role chunk and the first token leave in one write: each write from this (worker) thread is
                // its own task and flush on the event loop, and the caller waits for the token, not the role
                byte[] role = replies.roleEvent(id, model, created);
                byte[] first = replies.contentEvent(id, model, created, text);
                byte[] both = new byte[role.length + first.length];
                System.arraycopy(role, 0, both, 0, role.length);
                System.arraycopy(first, 0, both, role.length, first.length);
                write(both);
                return;
            }
            write(replies.contentEvent(id, model, created, text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a streamed chunk could not be written as JSON", e);
        }
    }

    @Override
    public boolean started() {
        return started;
    }

    /** Whether the stream started and has not been ended yet. */
    synchronized boolean open() {
        return started && !ended;
    }

    /** Ends a successful stream: the finish chunk with the {@code quorum} details, usage when asked, {@code [DONE]}. */
    synchronized void finish(CompletionResult result, boolean includeUsage) throws JsonProcessingException {
        end(replies.tailEvents(result, model, created, includeUsage));
    }

    /** Ends a stream whose answer failed after it started: an error event, then {@code [DONE]}. */
    synchronized void fail(CompletionResult result) throws JsonProcessingException {
        end(replies.errorEvents(result));
    }

    /** Ends a started stream after a failure Quorum has no result for (a bug), still with an error event. */
    synchronized void abort(String message) {
        try {
            end(replies.errorEvents(500, "internal_error", message));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("Could not end a broken stream cleanly; closing its connection", e);
            response.close();
        }
    }

    private void end(byte[] tail) {
        if (ended) {
            return;
        }
        ended = true;
        try {
            // ended also when the caller has gone: platform-http then writes nothing after the route
            response.end(Buffer.buffer(tail));
        } catch (IllegalStateException e) {
            LOG.debug("The stream's caller had gone before its end", e);
        }
    }

    private void write(byte[] event) {
        // a caller that went away gets nothing more; the provider call still completes and is billed
        if (!response.closed()) {
            response.write(Buffer.buffer(event));
        }
    }
}
