package dev.quorum.budget;

import dev.quorum.camel.Steps;
import dev.quorum.provider.MaxOutputTokens;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires budgets and the usage ledger after {@code QuorumConfiguration} has bound the provider catalog: opens the
 * usage database ({@code quorum.ledger.*}, an H2 file under {@code quorum.data.dir} by default), resolves every
 * provider's price ({@code quorum.price.*} and the providers' own prices), reads the budgets
 * ({@code quorum.budget.<name>.*}) and binds {@code budgetGate}, {@code usageReport} and {@code voteLedger} (the
 * consensus votes, {@code GET /api/v1/agreement}) for the routes. The ledger
 * writer and the database close with the Camel context, after the routes have stopped, so no row is lost.
 */
public final class BudgetConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetConfiguration.class);

    static final String BUDGET_PREFIX = "quorum.budget.";
    static final String PRICE_PREFIX = "quorum.price.";
    private static final List<String> PRICE_CLASSES = List.of("cached-input", "reasoning", "input", "output");

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        Properties raw = properties.loadProperties(key -> key.startsWith("quorum."));
        Map<String, String> settings = new HashMap<>();
        for (String key : raw.stringPropertyNames()) {
            properties.resolveProperty(key).ifPresent(value -> settings.put(key, value.trim()));
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("quorum.")) {
                settings.put(key, context.resolvePropertyPlaceholders(System.getProperty(key)).trim());
            }
        }
        Registry registry = context.getRegistry();
        ProviderCatalog catalog = registry.lookupByNameAndType("providerCatalog", ProviderCatalog.class);

        Path dataDir = Path.of(text(settings, "quorum.data.dir", "data"));
        InstanceId instance = InstanceId.resolve(text(settings, "quorum.instance-id", null), dataDir);
        UsageDatabase database = UsageDatabase.open(text(settings, "quorum.ledger.jdbc-url", null),
                text(settings, "quorum.ledger.jdbc-user", null), text(settings, "quorum.ledger.jdbc-password", null),
                dataDir, (int) number(settings, "quorum.ledger.pool-size", 8),
                Boolean.parseBoolean(text(settings, "quorum.ledger.auto-server", "false")),
                (long) number(settings, "quorum.ledger.connection-timeout-ms", 5_000),
                (long) number(settings, "quorum.ledger.lock-timeout-ms", UsageDatabase.DEFAULT_LOCK_TIMEOUT_MILLIS));
        LedgerJournal journal = LedgerJournal.open(dataDir.resolve("ledger-journal").resolve(instance.id()),
                (long) number(settings, "quorum.ledger.journal-segment-bytes", 4 * 1024 * 1024),
                Boolean.parseBoolean(text(settings, "quorum.ledger.journal-sync", "false")));
        UsageLedger ledger = new UsageLedger(database, (int) number(settings, "quorum.ledger.queue-capacity", 10_000),
                journal, instance.id(), dataDir.resolve("ledger-rejected.log"));
        VoteLedger votes = new VoteLedger(database, Clock.systemUTC());
        context.addService(new LedgerService(ledger, votes, database, instance), true, true);
        LOG.info("Usage ledger in {}, journal in {} (instance {})", database.description(),
                dataDir.resolve("ledger-journal").resolve(instance.id()).toAbsolutePath(), instance.id());
        Clock clock = Clock.systemUTC();
        BudgetStore store = new BudgetStore(database, instance.id(), ledger.runPrefix(), clock);
        // what the last run of this instance left: its journalled rows (and interrupted calls) into the database, then
        // its leases released at the cost those rows show
        ledger.replay();
        ledger.flush(10_000);
        try {
            store.reconcileOwned();
            store.releaseExpired();
        } catch (java.sql.SQLException e) {
            LOG.warn("Budget leases not reconciled at start (retried by the budget-leases route): {}", e.getMessage());
        }

        PriceTable prices = new PriceTable(PriceTable.resolve(catalog.all(), providerPrices(settings, catalog),
                modelPrices(settings)));
        for (ProviderSpec spec : catalog.enabled()) {
            if (prices.price(spec.id()) == null) {
                LOG.warn("No price for model {} of provider {}: its calls will be counted at $0 with a warning. Set "
                        + "quorum.price.{}.input and .output (USD per million tokens)", spec.model(), spec.id(), spec.model());
            }
        }

        List<Budget> budgets = budgets(settings);
        for (Budget budget : budgets) {
            LOG.info("Budget {}: {}{} ${} per {}, policy {}, alerts at {}%", budget.name(), budget.scope().wireName(),
                    budget.key() == null ? (budget.scope() == Budget.Scope.GLOBAL ? "" : " (each)") : " " + budget.key(),
                    Money.usd(budget.limitNanos()), budget.period().wireName(), budget.policy().wireName(),
                    budget.thresholds());
        }
        if (!budgets.isEmpty()) {
            PromptTokens.warmUp(); // loads the tokenizer now rather than in the first request's estimate
        }
        registry.bind("instanceId", instance);
        registry.bind("usageDatabase", database);
        registry.bind("usageLedger", ledger);
        registry.bind("budgetStore", store);
        registry.bind("clusterRateLimit", new ClusterRateLimit(database, clock));
        registry.bind("concurrencyLimit", new ConcurrencyLimit());
        registry.bind("priceTable", prices);
        MaxOutputTokens maxOutputTokens = registry.lookupByNameAndType("maxOutputTokens", MaxOutputTokens.class);
        boolean keysOn = Boolean.parseBoolean(text(settings, "quorum.auth.enabled", "false"));
        if (!keysOn && budgets.stream().anyMatch(b -> b.scope() == Budget.Scope.TENANT)) {
            LOG.warn("API keys are off (quorum.auth.enabled=false): tenant budgets bill every call to the tenant "
                    + "'default', whatever tenant a request names. Turn keys on for per-tenant budgets");
        }
        BudgetGate gate = new BudgetGate(catalog, prices, budgets, store, ledger, maxOutputTokens,
                leaseTerms(settings, catalog), keysOn, clock);
        Steps.bind(registry, "budgetGate", gate)
                .step("admit", gate::admit)
                .step("renew", gate::renew)
                .toBody("rejected", gate::rejected)
                .step("settle", gate::settle)
                .toBody("annotate", gate::annotate);
        RecentErrors recentErrors = new RecentErrors(registry.lookupByNameAndType("secrets", dev.quorum.secrets.Secrets.class));
        registry.bind("voteLedger", votes);
        registry.bind("recentErrors", recentErrors);
        registry.bind("usageReport", new UsageReport(ledger, store, budgets, clock, votes, recentErrors));
    }

    /**
     * Each provider's lease term: every attempt its retry policy allows at its full timeout, the longest wait between
     * attempts ({@code quorum.routing.retry.[<id>.]max-delay-ms} or {@code max-retry-after-ms}, whichever is longer),
     * plus {@code quorum.budget.lease-margin-ms}.
     */
    static Map<String, Long> leaseTerms(Map<String, String> settings, ProviderCatalog catalog) {
        long margin = (long) number(settings, "quorum.budget.lease-margin-ms", 30_000);
        Map<String, Long> terms = new HashMap<>();
        for (ProviderSpec spec : catalog.all()) {
            long attempts = Math.max(1, (long) retry(settings, spec.id(), "max-attempts", 3));
            long wait = (long) Math.max(retry(settings, spec.id(), "max-delay-ms", 4_000),
                    retry(settings, spec.id(), "max-retry-after-ms", 5_000));
            terms.put(spec.id(), attempts * spec.timeout().toMillis() + (attempts - 1) * wait + margin);
        }
        return terms;
    }

    private static double retry(Map<String, String> settings, String id, String name, double fallback) {
        Double own = optionalNumber(settings, "quorum.routing.retry." + id + "." + name);
        return own != null ? own : number(settings, "quorum.routing.retry." + name, fallback);
    }

    /** The budgets {@code quorum.budget.<name>.<setting>}, in name order. */
    static List<Budget> budgets(Map<String, String> settings) {
        List<Integer> defaultThresholds = thresholds(text(settings, "quorum.budget.default-thresholds", "50,75,90"),
                "quorum.budget.default-thresholds");
        Map<String, Map<String, String>> byName = new TreeMap<>();
        for (Map.Entry<String, String> entry : settings.entrySet()) {
            if (!entry.getKey().startsWith(BUDGET_PREFIX)) {
                continue;
            }
            String rest = entry.getKey().substring(BUDGET_PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot > 0) {
                byName.computeIfAbsent(rest.substring(0, dot), n -> new HashMap<>()).put(rest.substring(dot + 1),
                        entry.getValue());
            }
        }
        List<Budget> budgets = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> entry : byName.entrySet()) {
            String where = BUDGET_PREFIX + entry.getKey();
            Map<String, String> budget = entry.getValue();
            if ("false".equalsIgnoreCase(budget.getOrDefault("enabled", "true"))) {
                continue;
            }
            String limit = budget.get("limit-usd");
            if (limit == null || limit.isBlank()) {
                throw new IllegalArgumentException(where + ".limit-usd is missing");
            }
            double limitUsd;
            try {
                limitUsd = Double.parseDouble(limit);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ".limit-usd must be a number of US dollars, not '" + limit + "'");
            }
            if (limitUsd < 0) {
                throw new IllegalArgumentException(where + ".limit-usd must not be negative");
            }
            Budget.Scope scope = choice(Budget.Scope.class, budget.getOrDefault("scope", "global"), where + ".scope");
            Period period = Period.fromWireName(budget.getOrDefault("period", "month"));
            if (period == null) {
                throw new IllegalArgumentException(where + ".period must be day or month, not '" + budget.get("period") + "'");
            }
            Budget.Policy policy = choice(Budget.Policy.class, budget.getOrDefault("policy", "reject"), where + ".policy");
            String key = budget.get("key");
            key = key == null || key.isBlank() || scope == Budget.Scope.GLOBAL ? null : key;
            String thresholdList = budget.get("thresholds");
            budgets.add(new Budget(entry.getKey(), scope, key, period, Money.nanos(limitUsd), policy,
                    thresholdList == null ? defaultThresholds : thresholds(thresholdList, where + ".thresholds")));
        }
        return budgets;
    }

    private static List<Integer> thresholds(String list, String where) {
        if (list.isBlank()) {
            return List.of();
        }
        try {
            List<Integer> thresholds = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(Integer::parseInt).sorted().distinct().toList();
            if (thresholds.stream().anyMatch(t -> t <= 0 || t > 100)) {
                throw new IllegalArgumentException(where + " must be percentages between 1 and 100");
            }
            return thresholds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " must be a comma list of whole percentages, not '" + list + "'");
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String where) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw new IllegalArgumentException(where + " must be one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList() + ", not '" + value + "'");
    }

    /** The price-input/price-output each provider sets itself (null where it sets none). */
    private static Map<String, Double[]> providerPrices(Map<String, String> settings, ProviderCatalog catalog) {
        Map<String, Double[]> prices = new HashMap<>();
        for (ProviderSpec spec : catalog.all()) {
            String prefix = (spec.simulated() ? "quorum.simulator.provider." : "quorum.provider.") + spec.id() + ".";
            Double in = optionalNumber(settings, prefix + "price-input");
            Double out = optionalNumber(settings, prefix + "price-output");
            if (in != null || out != null) {
                prices.put(spec.id(), new Double[] {in, out});
            }
        }
        return prices;
    }

    /** {@code quorum.price.<model>.<class>}; model names may contain dots, the class is the last part. */
    private static Map<String, Map<String, Double>> modelPrices(Map<String, String> settings) {
        Map<String, Map<String, Double>> prices = new HashMap<>();
        for (String key : settings.keySet()) {
            if (!key.startsWith(PRICE_PREFIX)) {
                continue;
            }
            String rest = key.substring(PRICE_PREFIX.length());
            for (String tokenClass : PRICE_CLASSES) {
                if (rest.endsWith("." + tokenClass)) {
                    String model = rest.substring(0, rest.length() - tokenClass.length() - 1);
                    Double value = optionalNumber(settings, key);
                    if (value != null) {
                        prices.computeIfAbsent(model, m -> new HashMap<>()).put(tokenClass, value);
                    }
                    break;
                }
            }
        }
        return prices;
    }

    private static Double optionalNumber(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + value + "'");
        }
    }

    private static String text(Map<String, String> settings, String key, String fallback) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static double number(Map<String, String> settings, String key, double fallback) {
        Double value = optionalNumber(settings, key);
        return value == null ? fallback : value;
    }

    /** Writes the queued ledger rows and votes, and closes the database, when the Camel context stops. */
    private static final class LedgerService extends ServiceSupport {

        private final UsageLedger ledger;
        private final VoteLedger votes;
        private final UsageDatabase database;
        private final InstanceId instance;

        LedgerService(UsageLedger ledger, VoteLedger votes, UsageDatabase database, InstanceId instance) {
            this.ledger = ledger;
            this.votes = votes;
            this.database = database;
            this.instance = instance;
        }

        @Override
        protected void doStop() {
            ledger.close();
            votes.close();
            database.close();
            instance.close();
        }
    }
}
