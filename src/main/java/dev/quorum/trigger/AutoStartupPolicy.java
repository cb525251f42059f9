package dev.quorum.trigger;

import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Decides from a setting whether the routes it is the policy of start with Quorum, in place of a route's
 * {@code autoStartup: "{{setting}}"}: Camel runs that, but the YAML DSL's JSON schema types {@code autoStartup} as a
 * boolean, so Kaoto and the other schema-driven editors reject the file. A route file binds one as a bean with its
 * {@code autoStartup} property set from the setting and names it in {@code routePolicy}. A route it keeps from
 * starting is still there, stopped, and can be started from JMX or the Hawtio console, as with {@code autoStartup}.
 */
public final class AutoStartupPolicy extends RoutePolicySupport {

    private boolean autoStartup = true;

    public boolean isAutoStartup() {
        return autoStartup;
    }

    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    /** Called when the route is built, after its own {@code autoStartup} was applied and before it is started. */
    @Override
    public void onInit(Route route) {
        route.setAutoStartup(autoStartup);
    }
}
