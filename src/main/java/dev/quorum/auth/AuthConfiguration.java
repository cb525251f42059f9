package dev.quorum.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.camel.Steps;
import dev.quorum.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds {@code apiKeys} from {@code quorum.auth.*}: with {@code quorum.auth.enabled=true} every HTTP request needs
 * one of the keys {@code quorum.auth.keys.<name>.key} (from the environment), and is billed to that key's
 * {@code .tenant} (the name when unset). Only key names are ever logged.
 */
public final class AuthConfiguration implements CamelConfiguration {

    /** {@code quorum.dashboard.*}: session lifetimes, their number, the cookie's Secure flag, other origins. */
    static DashboardSessions.Settings dashboardSettings(Settings settings) {
        return new DashboardSessions.Settings(settings.whole("session-idle-ms", 1_800_000, 1, Long.MAX_VALUE),
                settings.whole("session-max-ms", 43_200_000, 1, Long.MAX_VALUE),
                settings.integer("max-sessions", 1_000, 1, Integer.MAX_VALUE),
                settings.choice("cookie-secure", "auto", List.of("auto", "true", "false")),
                settings.list("allowed-origins"));
    }

    private static final Logger LOG = LoggerFactory.getLogger(AuthConfiguration.class);
    static final String KEYS_PREFIX = "quorum.auth.keys.";

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings auth = Settings.of(context, "quorum.auth");
        boolean enabled = auth.bool("enabled", false);
        // quorum.auth.keys.<name>.key and .tenant; a name may hold dots (the last part is the setting)
        TreeSet<String> names = new TreeSet<>();
        for (String entry : auth.names("keys")) {
            int dot = entry.lastIndexOf('.');
            String setting = entry.substring(dot + 1);
            if (dot <= 0 || !(setting.equals("key") || setting.equals("tenant"))) {
                throw auth.unknown("keys." + entry, "quorum.auth.keys.<name>.key or quorum.auth.keys.<name>.tenant");
            }
            names.add(entry.substring(0, dot));
        }
        List<ApiKeys.Key> keys = new ArrayList<>();
        for (String name : names) {
            Settings key = auth.under("keys." + name);
            String value = key.text("key", null);
            String tenant = key.text("tenant", name);
            if (value == null) {
                if (enabled) {
                    LOG.warn("API key '{}' has no value (is its environment variable set?); it is not accepted", name);
                }
                continue;
            }
            keys.add(new ApiKeys.Key(name, ApiKeys.digest(value), tenant));
        }
        auth.requireKnown();
        Settings dashboard = Settings.of(context, "quorum.dashboard");
        DashboardSessions.Settings dashboardSettings = dashboardSettings(dashboard);
        dashboard.requireKnown();
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
            DashboardSessions sessions = new DashboardSessions(apiKeys, dashboardSettings,
                    System::currentTimeMillis);
            apiKeys.acceptSessions(sessions);
            context.getRegistry().bind("dashboardSessions", sessions);
        }
    }
}
