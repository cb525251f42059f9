package dev.quorum.prompt;

import dev.quorum.Steps;
import dev.quorum.api.RequestParser;
import dev.quorum.budget.UsageDatabase;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;

/**
 * Wires prompt templates after {@code BudgetConfiguration} has opened the usage database: binds
 * {@code promptTemplates} (the {@code prompt-template} step of {@code direct:intake} and the HTTP API's steps) over
 * the templates in the database ({@code quorum.prompts.*}, docs/prompts.md).
 */
public final class PromptConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        UsageDatabase database = registry.lookupByNameAndType("usageDatabase", UsageDatabase.class);
        RequestParser parser = registry.lookupByNameAndType("requestParser", RequestParser.class);
        long refreshMs = (long) number(context, "quorum.prompts.refresh-ms", 5_000);
        if (refreshMs < 1) {
            throw new IllegalArgumentException("quorum.prompts.refresh-ms must be a positive number of milliseconds, "
                    + "not " + refreshMs);
        }
        PromptStore store = new PromptStore(database, Duration.ofMillis(refreshMs), Clock.systemUTC());
        PromptTemplates templates = new PromptTemplates(store, parser);
        Steps.bind(registry, "promptTemplates", templates)
                .step("render", templates::render)
                .step("annotate", templates::annotate)
                .toBody("create", templates::create)
                .toBody("list", templates::list)
                .toBody("versions", templates::versions)
                .toBody("version", templates::version);
        PromptFiles files = new PromptFiles(templates);
        Steps.bind(registry, "promptFiles", files)
                .step("load", files::load);
    }

    /** A {@code quorum.*} setting as a number (a -D system property first), or {@code fallback}. */
    static double number(CamelContext context, String key, double fallback) {
        String value = System.getProperty(key);
        if (value == null) {
            PropertiesComponent properties = context.getPropertiesComponent();
            value = properties.resolveProperty(key).orElse(null);
        }
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + value + "'");
        }
    }

    /** A {@code quorum.*} setting as text (a -D system property first), or {@code fallback}. */
    static String text(CamelContext context, String key, String fallback) {
        String value = System.getProperty(key);
        if (value == null) {
            value = context.getPropertiesComponent().resolveProperty(key).orElse(null);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
