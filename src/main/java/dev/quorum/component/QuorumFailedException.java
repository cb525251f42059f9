package dev.quorum.component;

import dev.quorum.api.CompletionResult;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;

/**
 * Thrown by a {@code quorum:} step with {@code throwOnError=true} when the result failed (status 400 and above), so
 * the route's error handling ({@code onException}, {@code doCatch}) takes over. The body and the result headers are
 * set as for any result; the exception carries the result too.
 */
public class QuorumFailedException extends CamelExchangeException {

    private final transient CompletionResult result;

    public QuorumFailedException(Exchange exchange, CompletionResult result) {
        super("Quorum answered " + result.status() + " " + type(result) + " for request " + result.id(), exchange);
        this.result = result;
    }

    /** The failed result. */
    public CompletionResult getResult() {
        return result;
    }

    /** The result's status, 400 or above. */
    public int getStatus() {
        return result.status();
    }

    /** The error's type ({@code invalid_request}, {@code quorum_not_met}, ...). */
    public String getErrorType() {
        return type(result);
    }

    private static String type(CompletionResult result) {
        return result.error() == null ? "error" : result.error().type();
    }
}
