package dev.quorum.component;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.quorum.secrets.Secrets;
import dev.quorum.api.CompletionResult;
import dev.quorum.budget.BudgetConfiguration;
import dev.quorum.cache.CacheConfiguration;
import dev.quorum.camel.Steps;
import dev.quorum.consensus.ConsensusConfiguration;
import dev.quorum.prompt.PromptConfiguration;
import dev.quorum.observe.ObserveConfiguration;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import dev.quorum.provider.ProviderStreams;
import dev.quorum.routing.RoutingConfiguration;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.ServiceStatus;
import org.apache.camel.TypeConversionException;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ModelLifecycleStrategySupport;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.TypeConverterSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quorum's engine in a CamelContext: the beans (provider catalog and models, routing, consensus, budgets and ledger,
 * metrics, the simulator when no provider has a key) and the routes behind {@code direct:intake} (intake, single mode,
 * A/B split, consensus and cascade, the provider and panel-member templates and the routes made from them, budget
 * alerts and leases, their error handling). Quorum's own application binds the beans through its configuration
 * classes ({@link QuorumEngineConfiguration}) and loads the routes from {@code routes/engine/}; any other application
 * gets both from the jar the first time a {@code quorum:} endpoint is used ({@link #start}).
 */
public final class QuorumEngine {

    /** The registry name of the engine, bound once its beans are: the sign that they need not be bound again. */
    public static final String BEAN = "quorumEngine";
    /** Where every request enters the engine. */
    public static final String INTAKE = "direct:intake";
    /** The engine's routes in the jar (the same files as {@code routes/engine/} of Quorum's project). */
    public static final String ROUTES = "classpath:quorum/routes/engine/*.camel.yaml";
    /** The route configuration (error handling) of the engine's routes, and only theirs. */
    public static final String ROUTE_CONFIGURATION = "quorum-engine";
    /** The engine's route templates: a template cannot name its route configuration in YAML, so the engine does. */
    static final Set<String> TEMPLATES = Set.of("provider-route", "provider-limits", "provider-call", "provider-settle",
            "panel-member");

    /**
     * Names of the beans the engine binds whatever its providers ({@code <id>ChatModel}, {@code <id>CircuitBreaker},
     * ... come on top): an application that has a bean of one of these names already would have it replaced, so the
     * engine refuses to start there instead. {@code QuorumEngineTest} keeps the list complete.
     */
    static final Set<String> RESERVED = Set.of(BEAN, "quorumObjectMapper", "secrets", "providerCatalog",
            "requestParser", "maxOutputTokens", "providerCalls", "providerSelector", "intake", "results", "resultJson",
            "providerRoutes", "providerHealth", "retryPolicy", "taskClassifier", "providerRanker", "contextWindows",
            "fallbackChain", "singleChoices", "embeddingModel", "consensusExecutor", "consensusStrategy", "consensusPanel",
            "consensusJudge", "consensusResults", "cascade", "panelMemberRoutes", "instanceId", "usageDatabase",
            "usageLedger", "budgetStore", "clusterRateLimit", "concurrencyLimit", "priceTable", "budgetGate",
            "usageReport", "voteLedger", "recentErrors", "healthProbe", "alerts", "quorumMetrics", "requestLog",
            "providerStreams", "providerSimulator", "promptTemplates", "promptExperiments", "promptFiles", "responseCache", "cacheLedger",
            "verifyEnsemble", "rankEnsemble", "entailmentCheck");

    private static final Logger LOG = LoggerFactory.getLogger(QuorumEngine.class);
    private static final Object LOCK = new Object();

    /** Whether the engine's routes are in the context (loaded by it, or by the application that runs it). */
    private volatile boolean routesReady;

    private QuorumEngine() {
    }

    /**
     * Binds the engine's beans into the context unless it has them: what Quorum's configuration classes bind, in their
     * order, plus the token streams the provider routes use, the conversion of a {@link CompletionResult} to its JSON,
     * and the engine's route configuration for the routes its templates make. Reads {@code quorum.*} from the
     * context's properties.
     */
    public static void bind(CamelContext context) throws Exception {
        synchronized (LOCK) {
            Registry registry = context.getRegistry();
            if (registry.lookupByName(BEAN) != null) {
                return;
            }
            refuseTakenNames(registry);
            new QuorumConfiguration().configure(context);
            new RoutingConfiguration().configure(context);
            new ConsensusConfiguration().configure(context);
            new BudgetConfiguration().configure(context);
            new PromptConfiguration().configure(context);
            new CacheConfiguration().configure(context);
            ObserveConfiguration.bindEngine(context);
            bindStreams(context);
            ObjectMapper mapper = bean(context, "quorumObjectMapper", ObjectMapper.class);
            ResultJsonConverter converter = new ResultJsonConverter(mapper);
            for (Class<?> type : List.of(String.class, byte[].class, InputStream.class)) {
                context.getTypeConverterRegistry().addTypeConverter(type, CompletionResult.class, converter);
            }
            ((ModelCamelContext) context).addModelLifecycleStrategy(new EngineTemplates());
            registry.bind(BEAN, new QuorumEngine());
        }
    }

    /**
     * The engine for a {@code quorum:} endpoint: binds its beans if nobody has (with the jar's defaults below the
     * application's {@code quorum.*} settings), then adds the engine's routes the context does not have yet, from the
     * jar, and starts them. Runs once per context; later calls return at once.
     */
    static void start(CamelContext context) throws Exception {
        QuorumEngine engine = context.getRegistry().lookupByNameAndType(BEAN, QuorumEngine.class);
        if (engine != null && engine.routesReady) {
            return;
        }
        synchronized (LOCK) {
            engine = context.getRegistry().lookupByNameAndType(BEAN, QuorumEngine.class);
            if (engine == null) {
                PropertiesComponent properties = context.getPropertiesComponent();
                if (properties.getPropertiesSource(QuorumDefaults.NAME) == null) {
                    properties.addPropertiesSource(QuorumDefaults.load());
                }
                LOG.info("Quorum engine starting in {} (settings: its quorum.* properties over the defaults of {})",
                        context.getName(), QuorumDefaults.LOCATION);
                markSecretsSensitive(context);
                bind(context);
                engine = context.getRegistry().lookupByNameAndType(BEAN, QuorumEngine.class);
            }
            if (!engine.routesReady) {
                addRoutes(context);
                engine.routesReady = true;
            }
        }
    }

    /**
     * Makes Camel mask the values of every {@code quorum.*} setting that holds a secret wherever it masks sensitive
     * values, e.g. in Camel Main's summary of the property placeholders used (the engine reads every {@code quorum.*}
     * setting, and Camel's own list misses names such as {@code jdbc-password} or a caller's {@code key}).
     */
    private static void markSecretsSensitive(CamelContext context) {
        Set<String> names = new TreeSet<>(context.getPropertiesComponent()
                .loadProperties(key -> key.startsWith("quorum.")).stringPropertyNames());
        names.addAll(System.getProperties().stringPropertyNames());
        Set<String> keywords = new TreeSet<>();
        for (String name : names) {
            if (Secrets.isSecretSetting(name)) {
                // Camel compares a setting's last segment, lower case and without dashes, with these
                keywords.add(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT).replace("-", ""));
            }
        }
        ExtendedCamelContext extension = context.getCamelContextExtension();
        String existing = extension.getAdditionalSensitiveKeywords();
        if (existing != null && !existing.isBlank()) {
            keywords.addAll(List.of(existing.split(",")));
        }
        extension.setAdditionalSensitiveKeywords(String.join(",", keywords));
    }

    /** A bean the engine bound, or a clear failure when it is missing. */
    static <T> T bean(CamelContext context, String name, Class<T> type) {
        T bean = context.getRegistry().lookupByNameAndType(name, type);
        if (bean == null) {
            throw new IllegalStateException("Quorum's engine has no bean '" + name + "' in " + context.getName());
        }
        return bean;
    }

    private static void refuseTakenNames(Registry registry) {
        Set<String> taken = new TreeSet<>();
        for (String name : RESERVED) {
            if (registry.lookupByName(name) != null) {
                taken.add(name);
            }
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Quorum's engine binds beans named " + taken + ", and this application "
                    + "has beans of those names already; rename them (the engine would replace them)");
        }
    }

    private static void bindStreams(CamelContext context) {
        Registry registry = context.getRegistry();
        ProviderCatalog catalog = bean(context, "providerCatalog", ProviderCatalog.class);
        // token streaming: one streaming client per enabled provider, used by the provider routes for stream: true
        Map<String, StreamingChatModel> streaming = ProviderStreams.models(catalog);
        streaming.forEach((id, model) -> registry.bind(catalog.get(id).streamingChatModelBean(), model));
        ProviderStreams streams = new ProviderStreams(catalog, streaming);
        Steps.bind(registry, "providerStreams", streams)
                .step("stream", streams::stream);
    }

    /**
     * Adds what the context lacks of the engine's routes: the routes and templates of {@link #ROUTES} (unless
     * {@code intake} is defined: Quorum's application loads them from {@code routes/engine/}), then the provider and
     * panel-member routes made from the templates. Routes added while the context is still starting are not started by
     * it (it started its own list already), so they are started here.
     */
    private static void addRoutes(CamelContext context) throws Exception {
        ModelCamelContext model = (ModelCamelContext) context;
        Set<String> before = model.getRouteDefinitions().stream().map(RouteDefinition::getRouteId)
                .collect(Collectors.toSet());
        if (model.getRouteDefinition("intake") == null) {
            Collection<Resource> resources = PluginHelper.getPackageScanResourceResolver(context).findResources(ROUTES);
            if (resources.isEmpty()) {
                throw new IllegalStateException("Quorum's engine routes are missing: nothing at " + ROUTES);
            }
            PluginHelper.getRoutesLoader(context).loadRoutes(resources);
        }
        ProviderCatalog catalog = bean(context, "providerCatalog", ProviderCatalog.class);
        List<ProviderSpec> enabled = List.copyOf(catalog.enabled());
        if (!enabled.isEmpty()) {
            String first = enabled.get(0).id();
            if (model.getRouteDefinition("provider-" + first) == null) {
                addTemplated(context, bean(context, "providerRoutes", RoutesBuilder.class));
            }
            if (model.getRouteDefinition("panel-" + first) == null) {
                addTemplated(context, bean(context, "panelMemberRoutes", RoutesBuilder.class));
            }
        }
        List<RouteDefinition> added = model.getRouteDefinitions().stream()
                .filter(route -> !before.contains(route.getRouteId()) && context.getRoute(route.getRouteId()) == null)
                .toList();
        ServiceStatus status = context.getStatus();
        if (!added.isEmpty() && (status == ServiceStatus.Initializing || status == ServiceStatus.Initialized
                || status == ServiceStatus.Starting)) {
            // the context is making its routes from the list it took before this (a route using quorum: is being
            // made): these are made now and started with the others
            model.startRouteDefinitions(added);
        }
        LOG.info("Quorum engine routes added to {} ({}): {}", context.getName(), status,
                added.stream().map(RouteDefinition::getRouteId).toList());
    }

    /** A builder's routes made from templates: configured (addRoutes), then made (as Camel Main does it). */
    private static void addTemplated(CamelContext context, RoutesBuilder builder) throws Exception {
        context.addRoutes(builder);
        context.addTemplatedRoutes(builder);
    }

    /** Gives the routes made from the engine's templates the engine's route configuration. */
    private static final class EngineTemplates extends ModelLifecycleStrategySupport {

        @Override
        public void onAddRouteTemplateDefinition(RouteTemplateDefinition template) {
            if (TEMPLATES.contains(template.getId()) && template.getRoute() != null
                    && template.getRoute().getRouteConfigurationId() == null) {
                template.getRoute().setRouteConfigurationId(ROUTE_CONFIGURATION);
            }
        }
    }

    /**
     * A {@link CompletionResult} as its JSON (String, bytes or a stream of them), written by the engine's one
     * ObjectMapper, which masks configured secrets: what {@code convertBodyTo: String} gives after a {@code quorum:}
     * step, and what a {@code file:} or {@code log:} step writes.
     */
    private static final class ResultJsonConverter extends TypeConverterSupport {

        private final ObjectMapper mapper;

        ResultJsonConverter(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public <T> T convertTo(Class<T> type, Exchange exchange, Object value) throws TypeConversionException {
            try {
                byte[] json = mapper.writeValueAsBytes(value);
                if (type == String.class) {
                    return type.cast(new String(json, java.nio.charset.StandardCharsets.UTF_8));
                }
                if (type == byte[].class) {
                    return type.cast(json);
                }
                return type.cast(new ByteArrayInputStream(json));
            } catch (java.io.IOException e) {
                throw new TypeConversionException(value, type, e);
            }
        }
    }
}
