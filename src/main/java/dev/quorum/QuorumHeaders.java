package dev.quorum;

/**
 * Names of the message headers and exchange variables that Quorum's routes and beans share, so a route file and
 * the Java that serves it cannot drift apart on a spelling.
 */
public final class QuorumHeaders {

    /** Header: the id of the request being served, echoed to HTTP callers as {@code X-Request-Id}. */
    public static final String REQUEST_ID = "QuorumRequestId";

    /** Variable: the validated {@link dev.quorum.api.CompletionRequest} of the exchange. */
    public static final String VAR_REQUEST = "request";

    /** Variable: the id of the provider a provider route serves or a single-mode request was sent to. */
    public static final String VAR_PROVIDER = "provider";

    /** Variable: {@link System#nanoTime()} when the request entered {@code direct:intake}. */
    public static final String VAR_STARTED = "startedNanos";

    /** Variable: the request's task (code, reasoning, …), named by the request or classified. */
    public static final String VAR_TASK = "task";

    /** Variable: how the task was found ({@code request}, {@code rules: …}, {@code semantic: …}, {@code default}). */
    public static final String VAR_TASK_SOURCE = "taskSource";

    /** Variable: the request's routing priority (cost, quality, latency, balanced) or {@code null}. */
    public static final String VAR_PRIORITY = "priority";

    /** Variable: the provider a single-mode request names, or {@code null}; such a request is not routed. */
    public static final String VAR_PINNED_PROVIDER = "pinnedProvider";

    /** Variable: the {@link dev.quorum.routing.RoutePlan} of a routed request: ranked providers and what happened. */
    public static final String VAR_ROUTE_PLAN = "routePlan";

    /** Variable: {@code true} while the single-mode loop should try the plan's next provider. */
    public static final String VAR_TRY_NEXT = "tryNextProvider";

    /** Variable: the provider an A/B split route ({@code routes/engine/ab.camel.yaml}) picked for this request. */
    public static final String VAR_AB_PROVIDER = "abProvider";

    /** Variable: the attempt number of the current provider call, from 1, in a provider route. */
    public static final String VAR_ATTEMPT = "providerAttempt";

    /** Variable: {@code true} while a provider route should call its provider again. */
    public static final String VAR_RETRY = "retryProvider";

    /** Variable: milliseconds a provider route waits before its next attempt. */
    public static final String VAR_RETRY_DELAY = "retryDelayMs";

    /** Variable: milliseconds the provider's last failed attempt asked to wait in its headers, -1 for none. */
    public static final String VAR_RETRY_AFTER = "providerRetryAfterMs";

    /** Variable: System.nanoTime() when a provider route made its first attempt, for the whole call's latency. */
    public static final String VAR_CALL_STARTED = "providerCallStarted";

    // --- OpenAI-compatible API, API keys and the consensus Kamelet ---

    /** Variable: the tenant of the API key the HTTP caller presented; it replaces the request's own tenant. */
    public static final String VAR_KEY_TENANT = "keyTenant";

    /** Variable: {@code true} once the HTTP caller presented a valid API key (or keys are not required). */
    public static final String VAR_AUTHENTICATED = "authenticated";

    /** Variable: the model an OpenAI-style caller asked for, echoed in its reply. */
    public static final String VAR_OPENAI_MODEL = "openAiModel";

    /** Variable: {@code true} when an OpenAI-style caller asked for server-sent events. */
    public static final String VAR_OPENAI_STREAM = "openAiStream";

    /** Variable: {@code true} when a streaming OpenAI-style caller asked for a usage chunk. */
    public static final String VAR_OPENAI_STREAM_USAGE = "openAiStreamUsage";

    /** Variable: epoch seconds when an OpenAI-style request arrived (the reply's {@code created}). */
    public static final String VAR_OPENAI_CREATED = "openAiCreated";
    // --- triggers: file drop (routes/file.camel.yaml) and Kafka (routes/kafka.camel.yaml), docs/triggers.md ---

    /** Exchange property: absolute path a dropped file moves to when its exchange completes (done or error folder). */
    public static final String FILE_MOVE_TO = "QuorumFileMoveTo";

    /** Exchange property: absolute path a dropped file moves to when its exchange fails (error folder). */
    public static final String FILE_FAILED_TO = "QuorumFileFailedTo";

    /** Variable: {@code answered} (result to the outbox) or {@code rejected} (error report to the error folder). */
    public static final String VAR_FILE_OUTCOME = "fileOutcome";

    /** Variable: the safe base name of a dropped file, without {@code .json}. */
    public static final String VAR_FILE_BASE_NAME = "fileBaseName";

    /** Variable: an inbox entry the file drop refuses unread (a link, a pipe, an unusable name), as a {@code Path}. */
    public static final String VAR_FILE_REFUSED_ENTRY = "fileRefusedEntry";

    /** Variable: where a refused inbox entry is moved, inside the error folder, as a {@code Path}. */
    public static final String VAR_FILE_REFUSED_TO = "fileRefusedTo";

    /** Variable: {@code answered} (to the result topic) or {@code rejected} (to the dead-letter topic). */
    public static final String VAR_KAFKA_OUTCOME = "kafkaOutcome";

    /** Variable: a Kafka record's value as it arrived, which a rejection forwards unchanged to the dead-letter topic. */
    public static final String VAR_KAFKA_RECORD = "kafkaRecord";

    /** Variable: a Kafka record's key as it arrived. */
    public static final String VAR_KAFKA_RECORD_KEY = "kafkaRecordKey";

    /** Variable: a Kafka record's manual commit handle, kept apart from the headers that replies clear. */
    public static final String VAR_KAFKA_COMMIT = "kafkaCommit";

    /** Variable: a Kafka record's origin, {@code topic/partition/offset}. */
    public static final String VAR_KAFKA_SOURCE = "kafkaSource";

    /** Variable: the {@link dev.quorum.api.ErrorInfo} of a rejected Kafka request: why it is a dead letter. */
    public static final String VAR_KAFKA_REJECTION = "kafkaRejection";

    /** Kafka header of a dead letter: what was wrong, a sentence. */
    public static final String DEAD_LETTER_REASON = "QuorumDeadLetterReason";

    /** Kafka header of a dead letter: the error type ({@code invalid_request}, ...). */
    public static final String DEAD_LETTER_ERROR_TYPE = "QuorumDeadLetterErrorType";

    /** Kafka header of a dead letter: the request field at fault, when one is. */
    public static final String DEAD_LETTER_FIELD = "QuorumDeadLetterField";

    /** Kafka header of a dead letter: {@code topic/partition/offset} of the record it came from. */
    public static final String DEAD_LETTER_SOURCE = "QuorumDeadLetterSource";

    /** Kafka header of a result: the HTTP-style status of the result (200, 502, ...), as text. */
    public static final String RESULT_STATUS = "QuorumStatus";
    /** Variable: the mode an endpoint implies ({@code POST /api/v1/consensus}: consensus) for a request naming none. */
    public static final String VAR_ENDPOINT_MODE = "endpointMode";

    /** Variable: the {@link dev.quorum.consensus.ConsensusPlan} of a consensus or cascade request. */
    public static final String VAR_CONSENSUS_PLAN = "consensusPlan";

    /**
     * Variable: true when the panel's outcome needs the judge ({@link dev.quorum.consensus.ConsensusOutcome#needsJudge}),
     * for the route's choice: {@code ${body.needsJudge()}} would go through the bean language on every request.
     */
    public static final String VAR_JUDGE_NEEDED = "judgeNeeded";

    /** Variable: the panel's endpoints as the consensus recipient list reads them (comma separated). */
    public static final String VAR_PANEL_RECIPIENTS = "panelRecipients";

    /** Variable: true when the request's panel time-out differs from quorum.consensus.timeout-ms (seda members). */
    public static final String VAR_PANEL_OWN_TIMEOUT = "panelOwnTimeout";

    /** Variable: a panel's {@link dev.quorum.consensus.ConsensusOutcome} while a judge or an escalation runs. */
    public static final String VAR_CONSENSUS_OUTCOME = "consensusOutcome";

    /** Variable: the original request while a consensus judge is asked its own question. */
    public static final String VAR_CONSENSUS_REQUEST = "consensusRequest";

    /** Variable: the provider that judges a panel ({@code algorithm: judge}). */
    public static final String VAR_JUDGE_PROVIDER = "judgeProvider";

    /** Variable: the strong provider a cascade escalates to. */
    public static final String VAR_STRONG_PROVIDER = "strongProvider";

    /** Variable: {@code true} when a cascade's cheap panel did not agree enough and the strong provider is asked. */
    public static final String VAR_ESCALATE = "escalate";

    /** Exchange property: the responses a consensus panel has delivered so far (kept by the aggregation strategy). */
    public static final String PANEL_RESPONSES = "QuorumPanelResponses";

    // --- token streaming (OpenAI API, stream: true) ---

    /**
     * Variable: the {@link dev.quorum.provider.TokenSink} a single-mode provider call streams its tokens to; set only
     * by a trigger that can stream (the OpenAI API when asked for a stream).
     */
    public static final String VAR_TOKEN_SINK = "tokenSink";
    /** Variable: the choice indexes 0..n-1 of a single-mode request asking for {@code n} > 1 choices (else unset). */
    public static final String VAR_CHOICES = "choices";
    /** Variable: the max output tokens sent with the provider call being made (dev.quorum.provider.MaxOutputTokens). */
    public static final String VAR_MAX_OUTPUT_TOKENS = "maxOutputTokens";
    /** Variable: the id of the provider call being made: its ledger row, its journal intent and its budget lease. */
    public static final String VAR_CALL_ID = "providerCallId";
    /** Variable: the budget lease (a {@code dev.quorum.budget.Reservation}) of the call being made; renewed before it. */
    /** Variable: the provider's reported {@code TokenUsage} of the call a provider route just made (budgets price it). */
    public static final String VAR_TOKEN_USAGE = "tokenUsage";

    /** Variable: warnings for the request's result ({@code List<String>}), e.g. a budget downgrade or unknown price. */
    public static final String VAR_WARNINGS = "resultWarnings";

    /** Variable: the budget gate's verdict on a provider call: {@code allow}, {@code downgrade} or {@code reject}. */
    public static final String VAR_BUDGET_VERDICT = "budgetVerdict";

    /** Variable: the {@link dev.quorum.budget.Reservation} a provider call holds until it is settled. */
    public static final String VAR_BUDGET_RESERVATION = "budgetReservation";

    /** Variable: the error result of a call a budget refused. */
    public static final String VAR_BUDGET_REFUSAL = "budgetRefusal";

    /** Variable: the provider a budget downgrade sends the call to instead. */
    public static final String VAR_BUDGET_DOWNGRADE_TO = "budgetDowngradeTo";

    /** Variable: {@code true} once a request was downgraded, so a downgraded call is not downgraded again. */
    public static final String VAR_BUDGET_DOWNGRADED = "budgetDowngraded";

    /** Variable: budget threshold alerts ({@code List<Map>}) a settlement raised, sent on by the provider route. */
    public static final String VAR_BUDGET_ALERTS = "budgetAlerts";

    private QuorumHeaders() {
    }

    /** Variable: milliseconds a rate-limited call waits for the next shared rate window; 0 once it has a slot. */
    public static final String VAR_RATE_WAIT_MS = "rateWaitMs";

    // --- prompt templates and the response cache (docs/prompts.md, docs/cache.md) ---

    /** Variable: the {@link dev.quorum.api.RequestOptions} of the request (template, variables, ...). */
    public static final String VAR_REQUEST_OPTIONS = "requestOptions";

    /** Variable: the {@link dev.quorum.api.TemplateUse} (template id and version) that gave the request its prompt. */
    public static final String VAR_PROMPT_TEMPLATE = "promptTemplate";

    /** Variable: the status a reply that is not a {@link dev.quorum.api.CompletionResult} is written with. */
    public static final String VAR_REPLY_STATUS = "replyStatus";
}
