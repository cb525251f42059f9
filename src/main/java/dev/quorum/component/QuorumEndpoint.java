package dev.quorum.component;

import dev.quorum.api.CompletionRequest;
import dev.quorum.api.RequestParser;
import dev.quorum.provider.ProviderCatalog;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Asks language models through Quorum's engine: quorum:complete routes the prompt to one provider (with fallbacks),
 * quorum:consensus asks a panel in parallel and votes, quorum:cascade asks a cheap panel and escalates to a strong
 * provider only when it splits. The message body is the prompt (or a request JSON, a Map or a CompletionRequest); the
 * result becomes the body and the Quorum result headers. An option left unset takes the engine's configured default
 * (its quorum.* properties).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "quorum", title = "Quorum", syntax = "quorum:operation",
             category = { Category.AI }, producerOnly = true, headersClass = QuorumConstants.class)
public class QuorumEndpoint extends DefaultEndpoint {

    @UriPath(description = "What to do with the prompt: complete (one routed answer with fallbacks), consensus (a "
            + "panel asked in parallel votes) or cascade (a cheap panel first, a strong provider when it splits).")
    @Metadata(required = true)
    private QuorumOperation operation;

    @UriParam(label = "consensus", description = "Comma-separated provider ids of the panel (consensus; the cheap panel "
            + "of a cascade). Unset: quorum.consensus.panel, else the best enabled providers.")
    private String panel;

    @UriParam(label = "consensus", description = "How the panel votes. Unset: quorum.consensus.algorithm.")
    private QuorumAlgorithm algorithm;

    @UriParam(label = "consensus", description = "Share of the panel (above 0, at most 1) that must agree for a "
            + "confident answer (a cascade escalates below it). Unset: quorum.consensus.min-agreement.")
    private Double minAgreement;

    @UriParam(label = "consensus", description = "Successful answers the panel needs before it votes. Unset: "
            + "quorum.consensus.quorum.")
    private Integer quorum;

    @UriParam(label = "consensus", description = "Milliseconds the whole panel may take (1 to 600000); slower members "
            + "count as timed out. Unset: quorum.consensus.timeout-ms.")
    private Long timeoutMs;

    @UriParam(label = "routing", description = "What the router ranks providers by (complete). Unset: the task's tier "
            + "table, else the default provider.")
    private QuorumPriority priority;

    @UriParam(label = "routing", description = "The provider to ask (complete: no routing, no fallback).")
    private String provider;

    @UriParam(label = "routing", description = "The request's task, instead of classifying the prompt.",
              enums = "code,reasoning,extraction,classification,creative,simple,long-context")
    private String task;

    @UriParam(label = "routing", description = "Most the answer may cost in US dollars; providers whose estimate is "
            + "above it are not asked.")
    private Double maxCostUsd;

    @UriParam(label = "routing", description = "Slowest expected provider latency in milliseconds; slower providers "
            + "are not asked.")
    private Long maxLatencyMs;

    @UriParam(label = "routing", description = "Comma-separated capabilities the provider must have (code, vision, "
            + "json, long-context, ...).")
    private String capabilities;

    @UriParam(description = "Most output tokens per provider call. Unset: the provider's max-output-tokens, else "
            + "quorum.provider.default-max-output-tokens.")
    private Integer maxTokens;

    @UriParam(description = "Sampling temperature from 0 to 2. Unset: the provider's default.")
    private Double temperature;

    @UriParam(description = "The system message sent before the prompt.")
    private String system;

    @UriParam(label = "security", description = "The tenant the call is billed to in the usage ledger and tenant "
            + "budgets.")
    private String tenant;

    @UriParam(defaultValue = "result", description = "The body left by the call: the CompletionResult object "
            + "(convertBodyTo String gives its JSON) or the result JSON as a String.")
    private QuorumResultFormat resultFormat = QuorumResultFormat.result;

    @UriParam(defaultValue = "false", description = "Whether a failed result (status 400 or above) also fails the "
            + "exchange with a QuorumFailedException; by default it is a result like any other (body and QuorumStatus).")
    private boolean throwOnError;

    @UriParam(label = "template", description = "The prompt template to render instead of a prompt (docs/prompts.md); "
            + "a message body that is a Map and no request gives its variables.")
    private String template;

    @UriParam(label = "template", description = "The version of the template to render. Unset: the latest (or the "
            + "version the template's running experiment picks).")
    private Integer templateVersion;

    @UriParam(label = "template", prefix = "variable.", multiValue = true, description = "The template's variables, "
            + "one option each: variable.NAME=VALUE (strings, numbers, booleans); the QuorumVariables header or "
            + "the body's variables replace them for one message.")
    private Map<String, Object> variables;

    @UriParam(label = "cache", description = "The response cache (docs/cache.md): true, false, exact or semantic. "
            + "Unset: quorum.cache.enabled decides.", enums = "true,false,exact,semantic")
    private String cache;

    public QuorumEndpoint(String uri, QuorumComponent component) {
        super(uri, component);
    }

    @Override
    public Producer createProducer() throws Exception {
        return new QuorumProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException("The quorum component only sends: use it in a to step");
    }

    /**
     * Checks the values Camel could bind but Quorum would refuse (a range, a task, a provider the catalog does not
     * have), so such a route fails when it starts, naming the option, rather than answering every message with a 400.
     */
    void validate(ProviderCatalog catalog) {
        require("minAgreement", minAgreement == null || minAgreement > 0 && minAgreement <= 1, minAgreement,
                "must be above 0 and at most 1");
        require("quorum", quorum == null || quorum >= 1, quorum, "must be at least 1");
        require("timeoutMs", timeoutMs == null || timeoutMs >= 1 && timeoutMs <= RequestParser.MAX_TIMEOUT_MS, timeoutMs,
                "must be from 1 to " + RequestParser.MAX_TIMEOUT_MS);
        require("maxCostUsd", maxCostUsd == null || maxCostUsd > 0 && Double.isFinite(maxCostUsd), maxCostUsd,
                "must be a positive number of US dollars");
        require("maxLatencyMs", maxLatencyMs == null || maxLatencyMs >= 1, maxLatencyMs, "must be at least 1");
        require("maxTokens", maxTokens == null || maxTokens >= 1, maxTokens, "must be at least 1");
        require("temperature", temperature == null || temperature >= 0 && temperature <= 2, temperature,
                "must be from 0 to 2");
        require("task", task == null || CompletionRequest.TASKS.contains(task), task,
                "must be one of " + CompletionRequest.TASKS);
        if (provider != null) {
            require("provider", catalog.isKnown(provider), provider, "must be a provider of the catalog "
                    + catalog.all().stream().map(spec -> spec.id()).sorted().toList());
        }
        List<String> members = list(panel);
        if (members != null) {
            require("panel", !members.isEmpty() && members.size() <= RequestParser.MAX_LIST_ENTRIES, panel,
                    "must name 1 to " + RequestParser.MAX_LIST_ENTRIES + " provider ids");
            for (String member : members) {
                require("panel", catalog.isKnown(member), panel, "names '" + member + "', which is no provider of the "
                        + "catalog " + catalog.all().stream().map(spec -> spec.id()).sorted().toList());
            }
        }
        require("templateVersion", templateVersion == null || templateVersion >= 1, templateVersion,
                "must be at least 1");
        require("cache", cache == null || List.of("true", "false", "exact", "semantic").contains(cache), cache,
                "must be true, false, exact or semantic");
        List<String> needed = list(capabilities);
        require("capabilities", needed == null || !needed.isEmpty(), capabilities, "must name at least one capability");
    }

    private void require(String option, boolean valid, Object value, String rule) {
        if (!valid) {
            throw new IllegalArgumentException("The option " + option + " of " + getEndpointUri() + " " + rule
                    + ", not '" + value + "'");
        }
    }

    /** A comma list's trimmed, non-blank entries; {@code null} for an option that is not set. */
    static List<String> list(String commaList) {
        if (commaList == null) {
            return null;
        }
        return Arrays.stream(commaList.split(",")).map(String::trim).filter(entry -> !entry.isEmpty()).toList();
    }

    public QuorumOperation getOperation() {
        return operation;
    }

    public void setOperation(QuorumOperation operation) {
        this.operation = operation;
    }

    public String getPanel() {
        return panel;
    }

    public void setPanel(String panel) {
        this.panel = panel;
    }

    public QuorumAlgorithm getAlgorithm() {
        return algorithm;
    }

    public void setAlgorithm(QuorumAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    public Double getMinAgreement() {
        return minAgreement;
    }

    public void setMinAgreement(Double minAgreement) {
        this.minAgreement = minAgreement;
    }

    public Integer getQuorum() {
        return quorum;
    }

    public void setQuorum(Integer quorum) {
        this.quorum = quorum;
    }

    public Long getTimeoutMs() {
        return timeoutMs;
    }

    public void setTimeoutMs(Long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    public QuorumPriority getPriority() {
        return priority;
    }

    public void setPriority(QuorumPriority priority) {
        this.priority = priority;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getTask() {
        return task;
    }

    public void setTask(String task) {
        this.task = task;
    }

    public Double getMaxCostUsd() {
        return maxCostUsd;
    }

    public void setMaxCostUsd(Double maxCostUsd) {
        this.maxCostUsd = maxCostUsd;
    }

    public Long getMaxLatencyMs() {
        return maxLatencyMs;
    }

    public void setMaxLatencyMs(Long maxLatencyMs) {
        this.maxLatencyMs = maxLatencyMs;
    }

    public String getCapabilities() {
        return capabilities;
    }

    public void setCapabilities(String capabilities) {
        this.capabilities = capabilities;
    }

    public Integer getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(Integer maxTokens) {
        this.maxTokens = maxTokens;
    }

    public Double getTemperature() {
        return temperature;
    }

    public void setTemperature(Double temperature) {
        this.temperature = temperature;
    }

    public String getSystem() {
        return system;
    }

    public void setSystem(String system) {
        this.system = system;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public Integer getTemplateVersion() {
        return templateVersion;
    }

    public void setTemplateVersion(Integer templateVersion) {
        this.templateVersion = templateVersion;
    }

    public Map<String, Object> getVariables() {
        return variables;
    }

    public void setVariables(Map<String, Object> variables) {
        this.variables = variables;
    }

    public String getCache() {
        return cache;
    }

    public void setCache(String cache) {
        this.cache = cache;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public QuorumResultFormat getResultFormat() {
        return resultFormat;
    }

    public void setResultFormat(QuorumResultFormat resultFormat) {
        this.resultFormat = resultFormat;
    }

    public boolean isThrowOnError() {
        return throwOnError;
    }

    public void setThrowOnError(boolean throwOnError) {
        this.throwOnError = throwOnError;
    }
}
