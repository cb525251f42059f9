package dev.quorum.routing;

import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import dev.quorum.settings.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code quorum.health.probe.*} settings: whether probes run ({@code auto}, {@code true}, {@code false}), per
 * provider {@code <id>.enabled}, how often the route checks ({@code check-ms}, read by {@code health.camel.yaml}), and
 * the probes' interval, idle time and prompt.
 */
record ProbeSettings(String enabled, Map<String, Boolean> perProvider, long checkMs, long intervalMs, long idleMs,
                     String prompt) {

    ProbeSettings {
        perProvider = Map.copyOf(perProvider);
    }

    static ProbeSettings from(Settings settings) {
        Map<String, Boolean> perProvider = new HashMap<>();
        for (String id : settings.ids("")) {
            Settings provider = settings.under(id);
            if (provider.text("enabled", null) != null) {
                perProvider.put(id, provider.bool("enabled", true));
            }
        }
        return new ProbeSettings(settings.choice("enabled", "auto", List.of("auto", "true", "false")), perProvider,
                settings.whole("check-ms", 5_000, 1, Long.MAX_VALUE),
                settings.whole("interval-ms", 30_000, 0, Long.MAX_VALUE),
                settings.whole("idle-ms", 300_000, 0, Long.MAX_VALUE),
                settings.text("prompt", "Reply with OK."));
    }

    /** The probe's settings for the enabled providers of this catalog. */
    HealthProbe.Settings forProviders(ProviderCatalog catalog) {
        Map<String, Boolean> enabledOnes = new HashMap<>();
        for (ProviderSpec spec : catalog.enabled()) {
            if (perProvider.containsKey(spec.id())) {
                enabledOnes.put(spec.id(), perProvider.get(spec.id()));
            }
        }
        return new HealthProbe.Settings(enabled, enabledOnes, intervalMs, idleMs, prompt);
    }
}
