package dev.quorum.prompt;

import dev.quorum.api.RequestParser;
import dev.quorum.budget.UsageDatabase;
import dev.quorum.camel.Steps;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;

/**
 * Wires prompt templates after {@code BudgetConfiguration} has opened the usage database: binds
 * {@code promptTemplates} (the {@code prompt-template} step of {@code direct:intake} and the HTTP API's steps) over
 * the templates in the database ({@code quorum.prompts.*}, docs/prompts.md), {@code promptExperiments} (A/B
 * experiments between versions, feedback) and {@code promptFiles} (the template files' route).
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
                .toBody("version", templates::version)
                .toBody("notPostable", templates::notPostable);
        PromptExperiments experiments = new PromptExperiments(database, store, parser, Duration.ofMillis(refreshMs),
                Clock.systemUTC());
        context.addService(new Closer(experiments), true, true);
        Steps.bind(registry, "promptExperiments", experiments)
                .step("find", experiments::find)
                .step("assign", experiments::assign)
                .step("record", experiments::record)
                .toBody("start", experiments::start)
                .toBody("report", experiments::report)
                .toBody("all", experiments::all)
                .toBody("feedback", experiments::feedback);
        PromptFiles files = new PromptFiles(templates);
        Steps.bind(registry, "promptFiles", files)
                .step("load", files::load);
    }

    /** Writes the queued outcomes when the context stops. */
    private static final class Closer extends org.apache.camel.support.service.ServiceSupport {

        private final PromptExperiments experiments;

        Closer(PromptExperiments experiments) {
            this.experiments = experiments;
        }

        @Override
        protected void doStop() {
            experiments.close();
        }
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
