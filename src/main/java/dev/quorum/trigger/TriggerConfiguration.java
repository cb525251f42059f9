package dev.quorum.trigger;

import java.nio.file.Path;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Wires the beans of the file-drop and Kafka triggers ({@code routes/file.camel.yaml},
 * {@code routes/kafka.camel.yaml}): both only feed {@code direct:intake} and deliver the result it returns.
 */
public final class TriggerConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        context.getRegistry().bind("fileDrop", new FileDrop(
                Path.of(setting(properties, "quorum.file.done", "data/done")),
                Path.of(setting(properties, "quorum.file.error", "data/error"))));
    }

    static String setting(PropertiesComponent properties, String key, String fallback) {
        return properties.resolveProperty(key).map(String::strip).filter(value -> !value.isEmpty()).orElse(fallback);
    }
}
