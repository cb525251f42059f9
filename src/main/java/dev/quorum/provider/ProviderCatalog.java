package dev.quorum.provider;

import dev.quorum.settings.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The providers Quorum knows, read from properties of the form {@code <prefix><id>.<setting>}. Enabled and disabled
 * providers are both kept: a disabled one answers "why" rather than "unknown".
 */
public final class ProviderCatalog {

    private static final Pattern ENV_KEY = Pattern.compile("\\{\\{env:([A-Za-z0-9_]+)");
    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Map<String, ProviderSpec> specs;
    private final List<ProviderSpec> enabled;

    public ProviderCatalog(Collection<ProviderSpec> specs) {
        Map<String, ProviderSpec> byId = new LinkedHashMap<>();
        for (ProviderSpec spec : specs) {
            byId.put(spec.id(), spec);
        }
        this.specs = Map.copyOf(byId);
        this.enabled = byId.values().stream().filter(ProviderSpec::enabled)
                .sorted(Comparator.comparingDouble(ProviderSpec::quality).reversed().thenComparing(ProviderSpec::id))
                .toList();
    }

    /**
     * Reads every provider of {@code settings} ({@code quorum.provider.<id>.*} or {@code quorum.simulator.provider.<id>.*}):
     * the ids are the keys' first parts; an api-key written as {@code {{env:NAME:}}} names {@code NAME} in the reason a
     * keyless provider is disabled (never the key itself).
     */
    public static List<ProviderSpec> from(Settings settings, boolean simulated) {
        List<ProviderSpec> specs = new ArrayList<>();
        for (String id : settings.ids("")) {
            specs.add(spec(settings, id, simulated));
        }
        return specs;
    }

    static ProviderSpec spec(Settings all, String id, boolean simulated) {
        Settings settings = all.under(id);
        String where = all.key(id);
        if (!PROVIDER_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(where + ": a provider id must be lower-case letters, digits and '-'");
        }
        String kindName = settings.text("kind", null);
        if (kindName == null) {
            throw new IllegalArgumentException(where + ".kind is missing");
        }
        ProviderKind kind = ProviderKind.fromWireName(kindName);
        String model = settings.text("model", null);
        if (model == null) {
            throw new IllegalArgumentException(where + ".model is missing");
        }
        String baseUrl = settings.text("base-url", null);
        String rawKey = settings.written("api-key");
        ApiKey key = ApiKey.of(settings.text("api-key", null));
        Pricing pricing = new Pricing(settings.decimal("price-input", 0, 0, Double.MAX_VALUE),
                settings.decimal("price-output", 0, 0, Double.MAX_VALUE));
        double quality = settings.decimal("quality", 0.5, 0, 1);
        Set<String> capabilities = new LinkedHashSet<>(settings.list("capabilities"));
        int contextWindow = settings.integer("context-window", 8192, 1, Integer.MAX_VALUE);
        Duration timeout = Duration.ofMillis(settings.whole("timeout-ms", 60_000, 1, Long.MAX_VALUE));
        Duration firstTokenTimeout = Duration.ofMillis(settings.whole("first-token-timeout-ms", timeout.toMillis(), 1,
                Long.MAX_VALUE));
        Integer maxOutputTokens = settings.text("max-output-tokens", null) == null ? null
                : settings.integer("max-output-tokens", 0, 1, Integer.MAX_VALUE);

        String disabledReason = null;
        if (!settings.bool("enabled", true)) {
            disabledReason = "disabled in configuration (" + where + ".enabled=false)";
        } else if (!simulated && (kind.needsKey() || rawKey != null) && !key.isPresent()) {
            disabledReason = "no API key: " + keyHint(where, rawKey);
        } else if (kind == ProviderKind.OPENAI_COMPATIBLE && baseUrl == null) {
            disabledReason = "an openai-compatible provider needs " + where + ".base-url";
        }
        return new ProviderSpec(id, kind, model, baseUrl, key, pricing, quality, Set.copyOf(capabilities),
                contextWindow, timeout, maxOutputTokens, simulated, disabledReason, firstTokenTimeout);
    }

    private static String keyHint(String where, String rawKey) {
        if (rawKey != null) {
            Matcher matcher = ENV_KEY.matcher(rawKey);
            if (matcher.find()) {
                return "set the environment variable " + matcher.group(1);
            }
        }
        return "set " + where + ".api-key (as {{env:NAME}})";
    }

    public boolean isKnown(String id) {
        return specs.containsKey(id);
    }

    public ProviderSpec get(String id) {
        return specs.get(id);
    }

    /** Enabled providers, best quality first. */
    public List<ProviderSpec> enabled() {
        return enabled;
    }

    public Collection<ProviderSpec> all() {
        return specs.values();
    }

    /** What {@code GET /api/v1/providers} shows of each provider: everything but the key. */
    public List<Map<String, Object>> view() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ProviderSpec spec : specs.values().stream().sorted(Comparator.comparing(ProviderSpec::id)).toList()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", spec.id());
            row.put("kind", spec.kind().wireName());
            row.put("model", spec.model());
            row.put("enabled", spec.enabled());
            if (!spec.enabled()) {
                row.put("disabledReason", spec.disabledReason());
            }
            row.put("simulated", spec.simulated());
            row.put("quality", spec.quality());
            row.put("capabilities", spec.capabilities().stream().sorted().toList());
            row.put("contextWindow", spec.contextWindow());
            row.put("priceInputPerMillion", spec.pricing().inputPerMillion());
            row.put("priceOutputPerMillion", spec.pricing().outputPerMillion());
            row.put("timeoutMs", spec.timeout().toMillis());
            row.put("firstTokenTimeoutMs", spec.firstTokenTimeout().toMillis());
            rows.add(row);
        }
        return rows;
    }
}
