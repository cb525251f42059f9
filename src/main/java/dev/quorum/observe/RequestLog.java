package dev.quorum.observe;

import dev.quorum.api.CompletionRequest;
import dev.quorum.api.CompletionResult;
import dev.quorum.camel.RequestConstants;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Synchronization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Puts the id of the request being served into the logging context (MDC key {@value #MDC_KEY}), so every log line a
 * request causes carries it: {@link #begin} once the request is parsed, until the exchange completes;
 * {@link #join}/{@link #leave} around a provider route, which may run on another thread (a consensus panel's
 * parallel calls); {@link #resume} after a panel, whose last member's thread carries the request on. A worker thread
 * that handed a request over that way is cleared by its pool ({@link dev.quorum.http.RecentlyIdleExecutor}). Only the id
 * is ever put there, never a header or a property, so no key can reach the log this way.
 * Requests are logged at debug level ({@code dev.quorum.observe.RequestLog}), which costs nothing when off.
 */
public final class RequestLog {

    /** The MDC key of the request id; the log pattern prints it with {@code %X{requestId}}. */
    public static final String MDC_KEY = "requestId";

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final String VAR_PREVIOUS = "quorumPreviousRequestId";

    /** Removes the id when the exchange is done, on the thread that completes it. */
    private static final Synchronization CLEAR = new Synchronization() {
        @Override
        public void onComplete(Exchange exchange) {
            MDC.remove(MDC_KEY);
        }

        @Override
        public void onFailure(Exchange exchange) {
            MDC.remove(MDC_KEY);
        }
    };

    /** After the intake bean: the request's id goes into the MDC until the exchange completes. */
    public void begin(Exchange exchange) {
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        if (request == null) {
            return;
        }
        MDC.put(MDC_KEY, request.id());
        exchange.getExchangeExtension().addOnCompletion(CLEAR);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Request accepted: mode {}, {} prompt characters", request.mode().wireName(), request.prompt().length());
        }
    }

    /** The last step of {@code direct:intake}: says how the request ended (debug). */
    public void end(Exchange exchange) {
        if (LOG.isDebugEnabled() && exchange.getMessage().getBody() instanceof CompletionResult result) {
            LOG.debug("Request answered: status {}, provider {}, {}", result.status(), result.provider(),
                    result.error() == null ? "ok" : result.error().type());
        }
    }

    /**
     * After a parallel panel: the rest of the request goes on on the thread that finished the panel, so the id goes
     * with it (and is removed there when the exchange completes, as {@link #begin} arranged).
     */
    public void resume(Exchange exchange) {
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        if (request != null) {
            MDC.put(MDC_KEY, request.id());
        }
    }

    /** First step of a provider route: the id of the request it serves, also on a thread of a parallel panel. */
    public void join(Exchange exchange) {
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        String current = MDC.get(MDC_KEY);
        if (request == null || request.id().equals(current)) {
            return;
        }
        exchange.setVariable(VAR_PREVIOUS, current == null ? "" : current);
        MDC.put(MDC_KEY, request.id());
    }

    /** Last step of a provider route: puts back what the thread had before {@link #join}. */
    public void leave(Exchange exchange) {
        String previous = exchange.getVariable(VAR_PREVIOUS, String.class);
        if (previous == null) {
            return;
        }
        exchange.removeVariable(VAR_PREVIOUS);
        if (previous.isEmpty()) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, previous);
        }
    }
}
