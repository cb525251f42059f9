package dev.quorum.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.camel.Steps;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds {@code apiKeys} from {@code quorum.auth.*}: with {@code quorum.auth.enabled=true} every HTTP request needs
 * one of the keys {@code quorum.auth.keys.<name>.key} (from the environment), and is billed to that key's
 * {@code .tenant} (the name when unset). Only key names are ever logged.
 */
public final class AuthConfiguration implements CamelConfiguration {

    /** {@code quorum.dashboard.*}: session lifetimes, their number, the cookie's Secure flag, other origins. */
    static DashboardSessions.Settings dashboardSettings(PropertiesComponent properties) {
        String prefix = "quorum.dashboard.";
        String secure = properties.resolveProperty(prefix + "cookie-secure").map(String::trim)
                .map(v -> v.toLowerCase(java.util.Locale.ROOT)).filter(v -> !v.isEmpty()).orElse("auto");
        if (!List.of("auto", "true", "false").contains(secure)) {
            throw new IllegalArgumentException(prefix + "cookie-secure must be auto, true or false, not '" + secure + "'");
        }
        List<String> origins = new ArrayList<>();
        for (String origin : properties.resolveProperty(prefix + "allowed-origins").orElse("").split(",")) {
            if (!origin.isBlank()) {
                origins.add(origin.trim());
            }
        }
        return new DashboardSessions.Settings(number(properties, prefix + "session-idle-ms", 1_800_000),
                number(properties, prefix + "session-max-ms", 43_200_000),
                (int) number(properties, prefix + "max-sessions", 1_000), secure, origins);
    }

    private static long number(PropertiesComponent properties, String key, long fallback) {
        String value = properties.resolveProperty(key).map(String::trim).orElse("");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AuthConfiguration.class);
    static final String KEYS_PREFIX = "quorum.auth.keys.";

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        boolean enabled = properties.resolveProperty("quorum.auth.enabled").map(v -> Boolean.parseBoolean(v.trim())).orElse(false);
        Properties raw = properties.loadProperties(key -> key.startsWith(KEYS_PREFIX));
        TreeSet<String> names = new TreeSet<>();
        for (String key : raw.stringPropertyNames()) {
            String rest = key.substring(KEYS_PREFIX.length());
            int dot = rest.lastIndexOf('.');
            if (dot > 0) {
                names.add(rest.substring(0, dot));
            }
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(KEYS_PREFIX) && key.endsWith(".key")) {
                names.add(key.substring(KEYS_PREFIX.length(), key.length() - ".key".length()));
            }
        }
        List<ApiKeys.Key> keys = new ArrayList<>();
        for (String name : names) {
            String value = properties.resolveProperty(KEYS_PREFIX + name + ".key").map(String::trim).orElse("");
            if (value.isEmpty()) {
                if (enabled) {
                    LOG.warn("API key '{}' has no value (is its environment variable set?); it is not accepted", name);
                }
                continue;
            }
            String tenant = properties.resolveProperty(KEYS_PREFIX + name + ".tenant").map(String::trim)
                    .filter(t -> !t.isEmpty()).orElse(name);
            keys.add(new ApiKeys.Key(name, ApiKeys.digest(value), tenant));
        }
        if (enabled) {
            if (keys.isEmpty()) {
                LOG.error("quorum.auth.enabled=true but no API key has a value: every HTTP request is refused with 401");
            } else {
                LOG.info("API keys required on /api/v1/* and /v1/*: {} key(s) ({})", keys.size(),
                        String.join(", ", keys.stream().map(ApiKeys.Key::name).toList()));
            }
        }
        ObjectMapper mapper = context.getRegistry().lookupByNameAndType("quorumObjectMapper", ObjectMapper.class);
        ApiKeys apiKeys = new ApiKeys(keys, new ErrorReplies(mapper));
        Steps.bind(context.getRegistry(), "apiKeys", apiKeys)
                .step("authenticate", apiKeys::authenticate)
                .step("reject", apiKeys::reject);
        // the dashboard's login (docs/security.md#the-dashboard-login): sessions only make sense with keys on
        if (enabled) {
            DashboardSessions sessions = new DashboardSessions(apiKeys, dashboardSettings(properties),
                    System::currentTimeMillis);
            apiKeys.acceptSessions(sessions);
            context.getRegistry().bind("dashboardSessions", sessions);
        }
    }
}
