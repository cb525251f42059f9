package dev.quorum.component;

import dev.quorum.camel.RequestConstants;
import java.util.List;
import org.apache.camel.spi.Metadata;

/**
 * The message headers of the {@code quorum:} component. Headers a flow sets override the endpoint's options for one
 * message (a field the message body sets wins over both); the result headers are set by every call, and a call
 * removes those a previous call left, so a {@code choice} never reads a stale one. The input and result headers have
 * different names ({@link #PROVIDER} pins the provider to ask, {@link #ANSWERED_BY} says who answered), so a second
 * {@code quorum:} step in the same flow is not steered by the first one's result.
 */
public final class QuorumConstants {

    // --- overrides: read by the producer, never written ---

    /** Comma-separated provider ids of the panel (or a {@code List}); overrides the {@code panel} option. */
    @Metadata(label = "producer", description = "Comma-separated provider ids of the panel (consensus, cascade); "
            + "overrides the panel option.", javaType = "String")
    public static final String PANEL = "QuorumPanel";

    /** The voting algorithm; overrides the {@code algorithm} option. */
    @Metadata(label = "producer", description = "How the panel votes; overrides the algorithm option.",
              javaType = "String", enums = "majority,weighted,semantic,threshold,judge,fusion,verify,rank")
    public static final String ALGORITHM = "QuorumAlgorithm";

    /** Share of the panel that must agree, above 0 and at most 1; overrides {@code minAgreement}. */
    @Metadata(label = "producer", description = "Share of the panel (above 0, at most 1) that must agree; overrides "
            + "the minAgreement option.", javaType = "Double")
    public static final String MIN_AGREEMENT = "QuorumMinAgreement";

    /** Successful answers a panel needs; overrides {@code quorum}. */
    @Metadata(label = "producer", description = "Successful answers the panel needs; overrides the quorum option.",
              javaType = "Integer")
    public static final String QUORUM = "QuorumQuorum";

    /** Milliseconds the whole panel may take; overrides {@code timeoutMs}. */
    @Metadata(label = "producer", description = "Milliseconds the whole panel may take; overrides the timeoutMs "
            + "option.", javaType = "Long")
    public static final String TIMEOUT_MS = "QuorumTimeoutMs";

    /** What the router ranks by; overrides {@code priority}. */
    @Metadata(label = "producer", description = "What the router ranks providers by; overrides the priority option.",
              javaType = "String", enums = "cost,quality,latency,balanced")
    public static final String PRIORITY = "QuorumPriority";

    /** The provider to ask, without routing; overrides {@code provider}. */
    @Metadata(label = "producer", description = "The provider to ask (complete: no routing, no fallback); overrides "
            + "the provider option.", javaType = "String")
    public static final String PROVIDER = "QuorumProvider";

    /** The request's task; overrides {@code task}. */
    @Metadata(label = "producer", description = "The task (instead of classifying the prompt); overrides the task "
            + "option.", javaType = "String",
              enums = "code,reasoning,extraction,classification,creative,simple,long-context")
    public static final String TASK = "QuorumTask";

    /** Most a single answer may cost in USD; overrides {@code maxCostUsd}. */
    @Metadata(label = "producer", description = "Most the answer may cost in US dollars; overrides the maxCostUsd "
            + "option.", javaType = "Double")
    public static final String MAX_COST_USD = "QuorumMaxCostUsd";

    /** Most a provider may be expected to take, in ms; overrides {@code maxLatencyMs}. */
    @Metadata(label = "producer", description = "Slowest expected provider latency in milliseconds; overrides the "
            + "maxLatencyMs option.", javaType = "Long")
    public static final String MAX_LATENCY_MS = "QuorumMaxLatencyMs";

    /** Most output tokens per provider call; overrides {@code maxTokens}. */
    @Metadata(label = "producer", description = "Most output tokens per provider call; overrides the maxTokens option.",
              javaType = "Integer")
    public static final String MAX_TOKENS = "QuorumMaxTokens";

    /** Sampling temperature, 0 to 2; overrides {@code temperature}. */
    @Metadata(label = "producer", description = "Sampling temperature from 0 to 2; overrides the temperature option.",
              javaType = "Double")
    public static final String TEMPERATURE = "QuorumTemperature";

    /** The system message; overrides {@code system}. */
    @Metadata(label = "producer", description = "The system message sent before the prompt; overrides the system "
            + "option.", javaType = "String")
    public static final String SYSTEM = "QuorumSystem";

    /** Who the call is billed to; overrides {@code tenant}. */
    @Metadata(label = "producer", description = "The tenant the call is billed to (usage ledger, tenant budgets); "
            + "overrides the tenant option.", javaType = "String")
    public static final String TENANT = "QuorumTenant";

    /** The prompt template to render; overrides {@code template}. */
    @Metadata(label = "producer", description = "The prompt template to render instead of a prompt; overrides the "
            + "template option.", javaType = "String")
    public static final String TEMPLATE = "QuorumTemplate";

    /** The template version to render; overrides {@code templateVersion}. */
    @Metadata(label = "producer", description = "The version of the template to render; overrides the "
            + "templateVersion option.", javaType = "Integer")
    public static final String TEMPLATE_VERSION = "QuorumTemplateVersion";

    /** The template's variables (a {@code Map}, or a JSON object text); override the {@code variable.*} options. */
    @Metadata(label = "producer", description = "The template's variables as a Map (or a JSON object text); "
            + "replaces the variable.* options.", javaType = "java.util.Map<String, Object>")
    public static final String VARIABLES = "QuorumVariables";

    /** The response cache: true, false, exact or semantic; overrides {@code cache}. */
    @Metadata(label = "producer", description = "The response cache: true, false, exact or semantic; overrides the "
            + "cache option.", javaType = "String", enums = "true,false,exact,semantic")
    public static final String CACHE = "QuorumCache";

    /** Capabilities every provider asked must have, comma-separated; overrides {@code capabilities}. */
    @Metadata(label = "producer", description = "Comma-separated capabilities the provider must have (code, vision, "
            + "json, ...); overrides the capabilities option.", javaType = "String")
    public static final String CAPABILITIES = "QuorumCapabilities";

    // --- result: written by the producer on every call ---

    /** The result's HTTP-style status: 200, or the error's 4xx/5xx (the same header as a Kafka result's). */
    @Metadata(label = "producer", description = "The result's status: 200, or the error's 4xx/5xx.",
              javaType = "Integer")
    public static final String STATUS = RequestConstants.RESULT_STATUS;

    /** The request's id (in the usage ledger and the logs; the same header every trigger sets). */
    @Metadata(label = "producer", description = "The request's id, as in the usage ledger and the log lines.",
              javaType = "String")
    public static final String REQUEST_ID = RequestConstants.REQUEST_ID;

    /** The answer text; not set when the call failed. */
    @Metadata(label = "producer", description = "The answer text; not set when the call failed.", javaType = "String")
    public static final String ANSWER = "QuorumAnswer";

    /** The provider whose answer was returned; not set when the call failed. */
    @Metadata(label = "producer", description = "The provider whose answer was returned; not set when the call failed.",
              javaType = "String")
    public static final String ANSWERED_BY = "QuorumAnsweredBy";

    /** The model that answered. */
    @Metadata(label = "producer", description = "The model that answered.", javaType = "String")
    public static final String MODEL = "QuorumModel";

    /** Agreement of the panel: high, medium, low or conflict (consensus, cascade). */
    @Metadata(label = "producer", description = "How far the panel agreed (consensus, cascade).", javaType = "String",
              enums = "high,medium,low,conflict")
    public static final String AGREEMENT_LEVEL = "QuorumAgreementLevel";

    /** Share of the panel's weight behind the answer, 0 to 1 (consensus, cascade). */
    @Metadata(label = "producer", description = "Share of the panel's weight behind the answer, 0 to 1 (consensus, "
            + "cascade).", javaType = "Double")
    public static final String AGREEMENT_RATIO = "QuorumAgreementRatio";

    /** Confidence in the answer, 0 to 1 (consensus, cascade). */
    @Metadata(label = "producer", description = "Confidence in the answer, 0 to 1 (consensus, cascade).",
              javaType = "Double")
    public static final String CONFIDENCE = "QuorumConfidence";

    /** What the call cost in USD, every provider asked included. */
    @Metadata(label = "producer", description = "What the call cost in US dollars, every provider asked included.",
              javaType = "Double")
    public static final String COST_USD = "QuorumCostUsd";

    /** Whether a cascade asked its strong provider (cascade only). */
    @Metadata(label = "producer", description = "Whether the cascade escalated to its strong provider (cascade).",
              javaType = "Boolean")
    public static final String ESCALATED = "QuorumEscalated";

    /** The error's type ({@code invalid_request}, {@code provider_timeout}, ...); set only when the call failed. */
    @Metadata(label = "producer", description = "The error's type (invalid_request, quorum_not_met, budget_exceeded, "
            + "provider_timeout, ...); set only when the call failed.", javaType = "String")
    public static final String ERROR_TYPE = "QuorumErrorType";

    /** Every result header, removed before a call sets its own. */
    static final List<String> RESULT_HEADERS = List.of(STATUS, REQUEST_ID, ANSWER, ANSWERED_BY, MODEL, AGREEMENT_LEVEL,
            AGREEMENT_RATIO, CONFIDENCE, COST_USD, ESCALATED, ERROR_TYPE);

    private QuorumConstants() {
    }
}
