package dev.quorum.api;

import dev.quorum.camel.RequestConstants;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the one result type from what the routes produced: a provider's response for a single-mode request, or a
 * caught exception. Unexpected failures are logged here with their stack trace and reach the caller only as a short
 * message with the request id, never as a trace.
 */
public final class Results {

    private static final Logger LOG = LoggerFactory.getLogger(Results.class);

    public CompletionResult single(Exchange exchange) {
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        ProviderResponse response = exchange.getMessage().getBody(ProviderResponse.class);
        CompletionResult.Builder result = CompletionResult.builder()
                .id(request.id())
                .mode(request.mode().wireName())
                .latencyMs(elapsedMillis(exchange))
                .responses(List.of(response));
        if (response.failed()) {
            return result.provider(response.provider()).model(response.model())
                    .error(response.error()).status(response.status()).build();
        }
        return result.from(response).build();
    }

    /** The choice in {@code direct:intake} found no branch for the request's mode. */
    public CompletionResult unsupportedMode(Exchange exchange) {
        throw new InvalidRequestException("mode", "mode '" + exchange.getVariable("mode", String.class)
                + "' is not available on this Quorum; use 'single'");
    }

    public CompletionResult failure(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        String id = request != null ? request.id() : exchange.getMessage().getHeader(RequestConstants.REQUEST_ID, String.class);
        if (id == null) {
            id = UUID.randomUUID().toString();
        }
        CompletionResult.Builder result = CompletionResult.builder()
                .id(id)
                .mode(request != null ? request.mode().wireName() : null)
                .latencyMs(exchange.getVariable(RequestConstants.VAR_STARTED) == null ? null : elapsedMillis(exchange));
        if (failure instanceof QuorumException known) {
            return result.error(known.toErrorInfo()).status(known.status()).build();
        }
        LOG.error("Request {} failed unexpectedly", id, failure);
        return result.error(new ErrorInfo("internal_error", "Quorum failed to process request " + id
                + "; the server log has the details", null, null, null)).status(500).build();
    }

    private static long elapsedMillis(Exchange exchange) {
        Long started = exchange.getVariable(RequestConstants.VAR_STARTED, Long.class);
        return started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
    }
}
