package dev.quorum.camel;

import org.apache.camel.spi.Metadata;

/**
 * The request being served, from intake to the reply: its id and status headers and the exchange variables every
 * feature reads ({@code direct:intake}, {@code routes/engine/intake.camel.yaml}).
 */
public final class RequestConstants {

    // --- message headers ---

    /**
     * Header: the id of the request being served, echoed to HTTP callers as {@code X-Request-Id}. The {@code quorum:}
     * component's result header {@link dev.quorum.component.QuorumConstants#REQUEST_ID} is this one.
     */
    @Metadata(description = "The id of the request being served, echoed to HTTP callers as X-Request-Id; as in the "
            + "usage ledger and the log lines.", javaType = "String")
    public static final String REQUEST_ID = "QuorumRequestId";

    /**
     * Header: the result's HTTP-style status (200, or the error's 4xx/5xx): an {@code Integer} from the {@code quorum:}
     * component ({@link dev.quorum.component.QuorumConstants#STATUS} is this one), its text on a Kafka result record.
     */
    @Metadata(description = "The result's HTTP-style status: 200, or the error's 4xx/5xx (its text on a Kafka result "
            + "record).", javaType = "Integer")
    public static final String RESULT_STATUS = "QuorumStatus";

    // --- exchange variables ---

    /** Variable: the validated {@link dev.quorum.api.CompletionRequest} of the exchange. */
    public static final String VAR_REQUEST = "request";

    /** Variable: {@link System#nanoTime()} when the request entered {@code direct:intake}. */
    public static final String VAR_STARTED = "startedNanos";

    /** Variable: the mode an endpoint implies ({@code POST /api/v1/consensus}: consensus) for a request naming none. */
    public static final String VAR_ENDPOINT_MODE = "endpointMode";

    /** Variable: warnings for the request's result ({@code List<String>}), e.g. a budget downgrade or unknown price. */
    public static final String VAR_WARNINGS = "resultWarnings";

    /** Variable: the status a reply that is not a {@link dev.quorum.api.CompletionResult} is written with. */
    public static final String VAR_REPLY_STATUS = "replyStatus";

    private RequestConstants() {
    }
}
