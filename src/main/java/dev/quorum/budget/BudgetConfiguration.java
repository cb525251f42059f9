package dev.quorum.budget;

import dev.quorum.camel.Steps;
import dev.quorum.provider.MaxOutputTokens;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import dev.quorum.settings.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
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

    static final String BUDGET_PREFIX = "quorum.budget";
    private static final List<String> PRICE_CLASSES = List.of("cached-input", "reasoning", "input", "output");

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings quorum = Settings.of(context, "quorum");
        Settings ledgerSettings = Settings.of(context, "quorum.ledger");
        String jdbcUrl = ledgerSettings.text("jdbc-url", null);
        String jdbcUser = ledgerSettings.text("jdbc-user", null);
        String jdbcPassword = ledgerSettings.text("jdbc-password", null);
        int poolSize = ledgerSettings.integer("pool-size", 8, 1, Integer.MAX_VALUE);
        boolean autoServer = ledgerSettings.bool("auto-server", false);
        long connectionTimeoutMs = ledgerSettings.whole("connection-timeout-ms", 5_000, 1, Long.MAX_VALUE);
        long lockTimeoutMs = ledgerSettings.whole("lock-timeout-ms", UsageDatabase.DEFAULT_LOCK_TIMEOUT_MILLIS, 1,
                Long.MAX_VALUE);
        long journalSegmentBytes = ledgerSettings.whole("journal-segment-bytes", 4 * 1024 * 1024, 1, Long.MAX_VALUE);
        boolean journalSync = ledgerSettings.bool("journal-sync", false);
        int queueCapacity = ledgerSettings.integer("queue-capacity", 10_000, 1, Integer.MAX_VALUE);
        int h2CacheKb = ledgerSettings.integer("h2-cache-kb", UsageDatabase.DEFAULT_H2_CACHE_KB, 256, Integer.MAX_VALUE);
        ledgerSettings.requireKnown();
        Settings budgetSettings = Settings.of(context, BUDGET_PREFIX);
        List<Budget> budgets = budgets(budgetSettings);
        long leaseMarginMs = budgetSettings.whole("lease-margin-ms", 30_000, 0, Long.MAX_VALUE);
        // read by the budget-leases route, QuorumConfiguration (the older name of default-max-output-tokens) and the
        // alerts endpoint's default (the older alert endpoint): checked here
        budgetSettings.whole("lease-check-ms", 30_000, 1, Long.MAX_VALUE);
        budgetSettings.integer("assumed-output-tokens", MaxOutputTokens.DEFAULT, 1, Integer.MAX_VALUE);
        budgetSettings.text("alert-endpoint", null);
        budgetSettings.requireKnown();
        Settings priceSettings = Settings.of(context, "quorum.price");
        Map<String, Map<String, Double>> modelPrices = modelPrices(priceSettings);
        priceSettings.requireKnown();
        Registry registry = context.getRegistry();
        ProviderCatalog catalog = registry.lookupByNameAndType("providerCatalog", ProviderCatalog.class);

        Path dataDir = Path.of(quorum.text("data.dir", "data"));
        InstanceId instance = InstanceId.resolve(quorum.text("instance-id", null), dataDir);
        UsageDatabase database = UsageDatabase.open(jdbcUrl, jdbcUser, jdbcPassword, dataDir, poolSize, autoServer,
                connectionTimeoutMs, lockTimeoutMs, h2CacheKb);
        LedgerJournal journal = LedgerJournal.open(dataDir.resolve("ledger-journal").resolve(instance.id()),
                journalSegmentBytes, journalSync);
        UsageLedger ledger = new UsageLedger(database, queueCapacity, journal, instance.id(), dataDir.resolve("ledger-rejected.log"));
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

        PriceTable prices = new PriceTable(PriceTable.resolve(catalog.all(), providerPrices(context, catalog),
                modelPrices));
        for (ProviderSpec spec : catalog.enabled()) {
            if (prices.price(spec.id()) == null) {
                LOG.warn("No price for model {} of provider {}: its calls will be counted at $0 with a warning. Set "
                        + "quorum.price.{}.input and .output (USD per million tokens)", spec.model(), spec.id(), spec.model());
            }
        }

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
        boolean keysOn = Settings.of(context, "quorum.auth").bool("enabled", false);
        if (!keysOn && budgets.stream().anyMatch(b -> b.scope() == Budget.Scope.TENANT)) {
            LOG.warn("API keys are off (quorum.auth.enabled=false): tenant budgets bill every call to the tenant "
                    + "'default', whatever tenant a request names. Turn keys on for per-tenant budgets");
        }
        BudgetGate gate = new BudgetGate(catalog, prices, budgets, store, ledger, maxOutputTokens,
                leaseTerms(Settings.of(context, "quorum.routing"), leaseMarginMs, catalog), keysOn, clock);
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
     * plus {@code quorum.budget.lease-margin-ms}. (The routing settings are checked by RoutingConfiguration.)
     */
    static Map<String, Long> leaseTerms(Settings routing, long margin, ProviderCatalog catalog) {
        Settings retry = routing.under("retry");
        long maxAttempts = retry.integer("max-attempts", 3, 1, Integer.MAX_VALUE);
        long maxDelay = retry.whole("max-delay-ms", 4_000, 0, Long.MAX_VALUE);
        long maxRetryAfter = retry.whole("max-retry-after-ms", 5_000, 0, Long.MAX_VALUE);
        Map<String, Long> terms = new HashMap<>();
        for (ProviderSpec spec : catalog.all()) {
            Settings own = retry.under(spec.id());
            long attempts = own.integer("max-attempts", (int) maxAttempts, 1, Integer.MAX_VALUE);
            long wait = Math.max(own.whole("max-delay-ms", maxDelay, 0, Long.MAX_VALUE),
                    own.whole("max-retry-after-ms", maxRetryAfter, 0, Long.MAX_VALUE));
            terms.put(spec.id(), attempts * spec.timeout().toMillis() + (attempts - 1) * wait + margin);
        }
        return terms;
    }

    /** The budgets {@code quorum.budget.<name>.<setting>}, in name order. */
    static List<Budget> budgets(Settings settings) {
        List<Integer> defaultThresholds = thresholds(settings, "default-thresholds", List.of(50, 75, 90));
        List<Budget> budgets = new ArrayList<>();
        for (String name : settings.ids("")) {
            Settings budget = settings.under(name);
            if (!budget.bool("enabled", true)) {
                // a budget switched off is not checked further, as before; its settings are still known ones
                List.of("limit-usd", "scope", "period", "policy", "key", "thresholds").forEach(n -> budget.text(n, null));
                continue;
            }
            if (budget.text("limit-usd", null) == null) {
                throw budget.missing("limit-usd", "the budget's limit in US dollars");
            }
            double limitUsd = budget.decimal("limit-usd", 0, 0, Double.MAX_VALUE);
            Budget.Scope scope = Budget.Scope.valueOf(budget.choice("scope", "global", List.of("global", "provider",
                    "tenant")).toUpperCase(Locale.ROOT));
            Period period = Period.fromWireName(budget.choice("period", "month", List.of("day", "month")));
            Budget.Policy policy = Budget.Policy.valueOf(budget.choice("policy", "reject", Arrays.stream(
                    Budget.Policy.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList()).toUpperCase(Locale.ROOT));
            String key = budget.text("key", null);
            List<Integer> thresholds = thresholds(budget, "thresholds", defaultThresholds);
            budgets.add(new Budget(name, scope, scope == Budget.Scope.GLOBAL ? null : key, period,
                    Money.nanos(limitUsd), policy, thresholds));
        }
        return budgets;
    }

    /** A comma list of whole percentages from 1 to 100, sorted; blank = none; absent = {@code fallback}. */
    private static List<Integer> thresholds(Settings settings, String name, List<Integer> fallback) {
        if (settings.names("").stream().noneMatch(name::equals)) {
            settings.text(name, null);
            return fallback;
        }
        List<Integer> thresholds = new ArrayList<>();
        for (String value : settings.list(name)) {
            try {
                int threshold = Integer.parseInt(value);
                if (threshold < 1 || threshold > 100) {
                    throw new NumberFormatException();
                }
                thresholds.add(threshold);
            } catch (NumberFormatException e) {
                throw settings.invalid(name, settings.text(name, ""), "a comma list of whole percentages from 1 to 100");
            }
        }
        return thresholds.stream().sorted().distinct().toList();
    }

    /** The price-input/price-output each provider sets itself (null where it sets none). */
    private static Map<String, Double[]> providerPrices(CamelContext context, ProviderCatalog catalog) {
        Settings providers = Settings.of(context, "quorum.provider");
        Settings simulated = Settings.of(context, "quorum.simulator.provider");
        Map<String, Double[]> prices = new HashMap<>();
        for (ProviderSpec spec : catalog.all()) {
            Settings own = (spec.simulated() ? simulated : providers).under(spec.id());
            Double in = own.text("price-input", null) == null ? null : own.decimal("price-input", 0, 0, Double.MAX_VALUE);
            Double out = own.text("price-output", null) == null ? null : own.decimal("price-output", 0, 0, Double.MAX_VALUE);
            if (in != null || out != null) {
                prices.put(spec.id(), new Double[] {in, out});
            }
        }
        return prices;
    }

    /** {@code quorum.price.<model>.<class>}; model names may contain dots, the class is the last part. */
    private static Map<String, Map<String, Double>> modelPrices(Settings settings) {
        Map<String, Map<String, Double>> prices = new HashMap<>();
        for (String name : settings.names("")) {
            String tokenClass = PRICE_CLASSES.stream().filter(c -> name.endsWith("." + c)).findFirst().orElse(null);
            if (tokenClass == null) {
                throw settings.unknown(name, "quorum.price.<model>.input, .output, .cached-input or .reasoning");
            }
            if (settings.text(name, null) != null) {
                prices.computeIfAbsent(name.substring(0, name.length() - tokenClass.length() - 1), m -> new HashMap<>())
                        .put(tokenClass, settings.decimal(name, 0, 0, Double.MAX_VALUE));
            }
        }
        return prices;
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
