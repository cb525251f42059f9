package dev.quorum.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of the resolved {@code quorum.routing.*} settings, with per-provider overrides: a setting
 * {@code quorum.routing.<group>.<provider>.<name>} wins over {@code quorum.routing.<group>.<name>}.
 */
record RoutingSettings(Map<String, String> values) {

    static final String PREFIX = "quorum.routing.";

    String text(String key, String fallback) {
        String value = values.get(PREFIX + key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    double number(String key, double fallback) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be a number, not '" + value + "'");
        }
    }

    boolean bool(String key, boolean fallback) {
        String value = text(key, null);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    List<String> list(String key) {
        String value = text(key, null);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A per-provider number: {@code <group>.<provider>.<name>}, else {@code <group>.<name>}, else the fallback. */
    double providerNumber(String group, String provider, String name, double fallback) {
        return number(group + "." + provider + "." + name, number(group + "." + name, fallback));
    }

    /** Every value under {@code <group>.<name>.<n>} in key order, e.g. the example prompts of one task. */
    Map<String, List<String>> grouped(String group) {
        String prefix = PREFIX + group + ".";
        Map<String, List<String>> byName = new LinkedHashMap<>();
        values.keySet().stream().filter(k -> k.startsWith(prefix)).sorted().forEach(key -> {
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            String name = dot < 0 ? rest : rest.substring(0, dot);
            String value = values.get(key);
            if (value != null && !value.isBlank()) {
                byName.computeIfAbsent(name, n -> new ArrayList<>()).add(value.trim());
            }
        });
        return byName;
    }
}
