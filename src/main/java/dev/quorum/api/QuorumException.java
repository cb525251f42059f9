package dev.quorum.api;

/**
 * A failure Quorum explains to its caller: it carries the error type and the status a trigger reports (HTTP status,
 * error folder, dead-letter reason), so routes can turn it into a result without looking at stack traces.
 */
public class QuorumException extends RuntimeException {

    private final String type;
    private final int status;
    private final String field;

    public QuorumException(String type, int status, String field, String message) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.field = field;
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    /** The request field at fault, or {@code null} when the failure is not about one field. */
    public String field() {
        return field;
    }

    public ErrorInfo toErrorInfo() {
        return new ErrorInfo(type, getMessage(), field, null, null);
    }
}
