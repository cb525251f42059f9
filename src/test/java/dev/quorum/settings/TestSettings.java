package dev.quorum.settings;

import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** Settings as Quorum reads them at start, from a map of properties instead of files: for unit tests of the readers. */
public final class TestSettings {

    private TestSettings() {
    }

    /** The settings under {@code prefix} of a context that has {@code values} as its properties. */
    public static Settings of(Map<String, String> values, String prefix) {
        CamelContext context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.putAll(values);
        context.getPropertiesComponent().setInitialProperties(properties);
        return Settings.of(context, prefix);
    }
}
