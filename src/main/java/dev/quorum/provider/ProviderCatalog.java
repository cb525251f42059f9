package dev.quorum.provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
     * Reads every provider under {@code prefix}. {@code resolved} holds the property values with placeholders
     * resolved; {@code raw} the values as written, used only to name the environment variable a missing key is read
     * from (never the key itself).
     */
    public static List<ProviderSpec> parse(String prefix, Map<String, String> resolved, Map<String, String> raw,
                                           boolean simulated) {
        Map<String, Map<String, String>> byId = new TreeMap<>();
        for (Map.Entry<String, String> entry : resolved.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(prefix)) {
                continue;
            }
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            if (dot <= 0) {
                continue;
            }
            byId.computeIfAbsent(rest.substring(0, dot), id -> new LinkedHashMap<>())
                    .put(rest.substring(dot + 1), entry.getValue());
        }
        List<ProviderSpec> specs = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> entry : byId.entrySet()) {
            String id = entry.getKey();
            specs.add(spec(prefix, id, entry.getValue(), raw.get(prefix + id + ".api-key"), simulated));
        }
        return specs;
    }

    static ProviderSpec spec(String prefix, String id, Map<String, String> settings, String rawKey, boolean simulated) {
        String where = prefix + id;
        if (!PROVIDER_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(where + ": a provider id must be lower-case letters, digits and '-'");
        }
        String kindName = settings.get("kind");
        if (kindName == null || kindName.isBlank()) {
            throw new IllegalArgumentException(where + ".kind is missing");
        }
        ProviderKind kind = ProviderKind.fromWireName(kindName);
        String model = settings.get("model");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException(where + ".model is missing");
        }
        String baseUrl = blankToNull(settings.get("base-url"));
        ApiKey key = ApiKey.of(settings.get("api-key"));
        Pricing pricing = new Pricing(number(settings, where, "price-input", 0), number(settings, where, "price-output", 0));
        double quality = number(settings, where, "quality", 0.5);
        if (quality < 0 || quality > 1) {
            throw new IllegalArgumentException(where + ".quality must be between 0 and 1, not " + quality);
        }
        Set<String> capabilities = new LinkedHashSet<>();
        String capabilityList = settings.get("capabilities");
        if (capabilityList != null) {
            Arrays.stream(capabilityList.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(capabilities::add);
        }
        int contextWindow = (int) number(settings, where, "context-window", 8192);
        Duration timeout = Duration.ofMillis(positive(settings, where, "timeout-ms", 60_000));
        Duration firstTokenTimeout = Duration.ofMillis(positive(settings, where, "first-token-timeout-ms",
                timeout.toMillis()));
        String maxOutput = blankToNull(settings.get("max-output-tokens"));
        Integer maxOutputTokens = maxOutput == null ? null : (int) number(settings, where, "max-output-tokens", 0);

        String disabledReason = null;
        if ("false".equalsIgnoreCase(settings.getOrDefault("enabled", "true").trim())) {
            disabledReason = "disabled in configuration (" + where + ".enabled=false)";
        } else if (!simulated && (kind.needsKey() || rawKey != null) && !key.isPresent()) {
            disabledReason = "no API key: " + keyHint(where, rawKey);
        } else if (kind == ProviderKind.OPENAI_COMPATIBLE && baseUrl == null) {
            disabledReason = "an openai-compatible provider needs " + where + ".base-url";
        }
        return new ProviderSpec(id, kind, model.trim(), baseUrl, key, pricing, quality, Set.copyOf(capabilities),
                contextWindow, timeout, maxOutputTokens, simulated, disabledReason, firstTokenTimeout);
    }

    private static long positive(Map<String, String> settings, String where, String name, long fallback) {
        double value = number(settings, where, name, fallback);
        if (value < 1) {
            throw new IllegalArgumentException(where + "." + name + " must be at least 1 (milliseconds), not "
                    + settings.get(name).trim());
        }
        return (long) value;
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

    private static double number(Map<String, String> settings, String where, String name, double fallback) {
        String value = blankToNull(settings.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "." + name + " must be a number, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
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
