package dev.quorum.provider;

import org.apache.camel.builder.RouteBuilder;

/**
 * Makes one {@code direct:provider-<id>} route per enabled provider from the {@code provider-route} template in
 * {@code routes/providers.camel.yaml}, so adding a provider is a few lines of configuration. Camel Main adds
 * templated routes after every template is loaded, whatever file it came from.
 */
public final class ProviderRoutes extends RouteBuilder {

    static final String TEMPLATE = "provider-route";

    private final ProviderCatalog catalog;

    public ProviderRoutes(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void configure() {
        for (ProviderSpec spec : catalog.enabled()) {
            templatedRoute(TEMPLATE)
                    .routeId("provider-" + spec.id())
                    .parameter("providerId", spec.id());
        }
    }
}
