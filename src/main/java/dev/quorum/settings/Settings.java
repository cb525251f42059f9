package dev.quorum.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The one way Quorum reads its {@code quorum.<feature>.*} settings: each feature's typed settings record is built from
 * one {@code Settings} over its prefix (in the feature's {@code *Configuration} class, at start, never per request), and
 * {@link #requireKnown()} then fails the start on any key under that prefix the record did not read.
 *
 * <p>Values come from Camel's properties component, so everything Camel Main gives a setting applies: the files, a
 * {@code -D} system property, an environment variable ({@code QUORUM_CONSENSUS_TIMEOUT_MS}), {@code {{...}}}
 * placeholders in the value, and, inside another application, that application's own properties over the engine's
 * defaults. The keys under the prefix are those the files and the system properties name; per-id groups (providers,
 * per-provider overrides, budgets) are the ids found there. A blank value means "unset": the default applies.
 *
 * <p>Every read that finds a value of the wrong type or out of range throws a {@link SettingsException} naming the full
 * key, the value and what is expected.
 */
public final class Settings {

    private final PropertiesComponent properties;
    private final String prefix;
    /** Where this view sits below the prefix ({@code ""} at the prefix itself, else e.g. {@code retry.openai.}). */
    private final String path;
    /** The names present below the prefix, relative to it; shared by every view of one prefix. */
    private final Set<String> present;
    /** The names read so far, relative to the prefix; shared by every view of one prefix. */
    private final Set<String> read;
    /** The values as written (placeholders unresolved), by name relative to the prefix; only to name a variable. */
    private final Map<String, String> written;

    private Settings(PropertiesComponent properties, String prefix, String path, Set<String> present, Set<String> read,
                     Map<String, String> written) {
        this.properties = properties;
        this.prefix = prefix;
        this.path = path;
        this.present = present;
        this.read = read;
        this.written = written;
    }

    /** The settings under {@code prefix} (e.g. {@code quorum.consensus}) as this context's properties give them. */
    public static Settings of(CamelContext context, String prefix) {
        PropertiesComponent properties = context.getPropertiesComponent();
        String dotted = prefix + ".";
        Set<String> present = new TreeSet<>();
        Map<String, String> written = new TreeMap<>();
        Properties loaded = properties.loadProperties(key -> key.startsWith(dotted));
        for (String key : loaded.stringPropertyNames()) {
            present.add(key.substring(dotted.length()));
            written.put(key.substring(dotted.length()), loaded.getProperty(key));
        }
        // a -D system property may add a setting the files do not have (e.g. a provider's base-url)
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(dotted)) {
                present.add(key.substring(dotted.length()));
                written.put(key.substring(dotted.length()), System.getProperty(key));
            }
        }
        return new Settings(properties, prefix, "", present, new TreeSet<>(), written);
    }

    /**
     * The settings under {@code <path>} of this one ({@code under("retry.openai")}: {@code quorum.routing.retry.openai.*}),
     * whose reads count for {@link #requireKnown()} like this one's.
     */
    public Settings under(String group) {
        return new Settings(properties, prefix, path + group + ".", present, read, written);
    }

    /** The full key of a setting, e.g. {@code quorum.consensus.threshold} for {@code threshold}. */
    public String key(String name) {
        return prefix + "." + path + name;
    }

    /** The setting's trimmed value; blank or absent gives {@code fallback}. */
    public String text(String name, String fallback) {
        markRead(name);
        String value = properties.resolveProperty(key(name)).map(String::trim).orElse("");
        return value.isEmpty() ? fallback : value;
    }

    /**
     * The setting as the file wrote it, placeholders unresolved ({@code {{env:OPENAI_API_KEY:}}}), or null: only to name
     * the variable a missing value comes from, never to use the value.
     */
    public String written(String name) {
        return written.get(path + name);
    }

    /**
     * Every setting present under the prefix, by full key, with its resolved value; not counted as read (the secret
     * masking looks at all of {@code quorum.*} this way).
     */
    public Map<String, String> all() {
        Map<String, String> all = new TreeMap<>();
        for (String name : present) {
            properties.resolveProperty(prefix + "." + name).ifPresent(value -> all.put(prefix + "." + name, value));
        }
        return all;
    }

    /** A comma-separated list, entries trimmed, blanks dropped; absent gives an empty list. */
    public List<String> list(String name) {
        String value = text(name, null);
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code true} or {@code false} (any case); anything else fails the start. */
    public boolean bool(String name, boolean fallback) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, value, "true or false");
        };
    }

    /** One of {@code allowed} (as written there; case-insensitive); anything else fails the start. */
    public String choice(String name, String fallback, Collection<String> allowed) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        for (String option : allowed) {
            if (option.equalsIgnoreCase(value)) {
                return option;
            }
        }
        throw invalid(name, value, "one of " + String.join(", ", allowed));
    }

    /** A whole number from {@code min} to {@code max}. */
    public int integer(String name, int fallback, int min, int max) {
        return (int) whole(name, fallback, min, max);
    }

    /** A whole number from {@code min} to {@code max} (digits may be grouped with {@code _}). */
    public long whole(String name, long fallback, long min, long max) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        long number;
        try {
            // digits may be grouped as in Java: 4_194_304
            number = Long.parseLong(value.indexOf('_') > 0 && !value.endsWith("_") ? value.replace("_", "") : value);
        } catch (NumberFormatException e) {
            throw invalid(name, value, "a whole number" + range(min, max, min > Integer.MIN_VALUE, max < Integer.MAX_VALUE));
        }
        if (number < min || number > max) {
            throw invalid(name, value, "a whole number" + range(min, max, min > Integer.MIN_VALUE, max < Integer.MAX_VALUE));
        }
        return number;
    }

    /** A number from {@code min} to {@code max}. */
    public double decimal(String name, double fallback, double min, double max) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw invalid(name, value, "a number" + range(min, max));
        }
        if (!(number >= min && number <= max)) {
            throw invalid(name, value, "a number" + range(min, max));
        }
        return number;
    }

    /**
     * The ids of a per-id group: {@code quorum.routing.retry.openai.max-attempts} makes {@code openai} an id of
     * {@code retry}; {@code ""} is the group of ids directly under the prefix ({@code quorum.provider.<id>.*}).
     */
    public Set<String> ids(String group) {
        String dotted = path + (group.isEmpty() ? "" : group + ".");
        Set<String> ids = new TreeSet<>();
        for (String name : present) {
            if (name.startsWith(dotted)) {
                String rest = name.substring(dotted.length());
                int dot = rest.indexOf('.');
                if (dot > 0) {
                    ids.add(rest.substring(0, dot));
                }
            }
        }
        return ids;
    }

    /**
     * The names present under {@code <group>.} (relative to it, blank values included; {@code ""}: every name of this
     * view), not counted as read.
     */
    public Set<String> names(String group) {
        String dotted = path + (group.isEmpty() ? "" : group + ".");
        Set<String> names = new TreeSet<>();
        for (String name : present) {
            if (name.startsWith(dotted)) {
                names.add(name.substring(dotted.length()));
            }
        }
        return names;
    }

    /** Every {@code <group>.<name>} setting present, by name (values trimmed, blanks dropped), in key order. */
    public Map<String, String> entries(String group) {
        String dotted = path + group + ".";
        Map<String, String> entries = new TreeMap<>();
        for (String name : present) {
            if (name.startsWith(dotted)) {
                String entry = name.substring(dotted.length());
                String value = text(group + "." + entry, null);
                if (value != null) {
                    entries.put(entry, value);
                }
            }
        }
        return entries;
    }

    /** Fails the start with the key and value of a setting whose value breaks a rule across settings. */
    public SettingsException invalid(String name, String value, String expected) {
        String key = key(name);
        return new SettingsException(key, key + " = '" + value + "' is not valid: expected " + expected);
    }

    /** Fails the start on a required setting that is absent or blank, saying what it should hold. */
    public SettingsException missing(String name, String expected) {
        String key = key(name);
        return new SettingsException(key, key + " is missing: expected " + expected);
    }

    /**
     * Fails the start on a key whose own name is wrong though its group is right, e.g. a task no classifier knows in
     * {@code quorum.routing.tier.<task>.primary}: the message names the key and what is expected instead.
     */
    public SettingsException unknown(String name, String expected) {
        String key = key(name);
        return new SettingsException(key, key + " is not a setting Quorum knows: expected " + expected);
    }

    /**
     * Fails the start when a key under the prefix was not read: a typo ({@code quorum.consensus.treshold}) or a setting
     * that no longer exists. The message names the key (not its value, which may be a secret) and the nearest known
     * setting.
     */
    public void requireKnown() {
        if (!path.isEmpty()) {
            throw new IllegalStateException("requireKnown() checks a whole prefix: call it on Settings.of(...)");
        }
        List<String> unknown = new ArrayList<>();
        for (String name : present) {
            if (!read.contains(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        String name = unknown.get(0);
        String nearest = nearest(name, read);
        throw new SettingsException(key(name), key(name) + " is not a setting Quorum knows"
                + (nearest == null ? "" : " (did you mean " + key(nearest) + "?)")
                + "; the " + prefix + ".* settings are listed in docs/configuration.md"
                + (unknown.size() > 1 ? "; also unknown: " + unknown.subList(1, unknown.size()).stream()
                        .map(this::key).toList() : ""));
    }

    private void markRead(String name) {
        read.add(path + name);
    }

    /** The known name nearest to {@code name} within a few edits (a likely typo of it), or null. */
    public static String nearest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Math.max(3, name.length() / 3) + 1;
        for (String candidate : known) {
            int distance = distance(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String range(double min, double max) {
        return range(min, max, min > -Double.MAX_VALUE, max < Double.MAX_VALUE);
    }

    private static String range(double min, double max, boolean hasMin, boolean hasMax) {
        if (hasMin && hasMax) {
            return " from " + plain(min) + " to " + plain(max);
        }
        if (hasMin) {
            return " of at least " + plain(min);
        }
        return hasMax ? " of at most " + plain(max) : "";
    }

    private static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number)
                : Double.toString(number);
    }
}
