package dev.quorum.consensus;

import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import org.apache.camel.builder.RouteBuilder;

/**
 * Makes one {@code seda:panel-<id>} route per enabled provider from the {@code panel-member} template in
 * {@code routes/engine/consensus.camel.yaml}: the panel's recipient list sends to these with the request's time-out, so each
 * request can wait as long as it asks (the recipient list's own time-out is fixed when the route is built).
 */
public final class PanelMemberRoutes extends RouteBuilder {

    static final String TEMPLATE = "panel-member";

    private final ProviderCatalog catalog;
    private final int threads;

    public PanelMemberRoutes(ProviderCatalog catalog, int threads) {
        this.catalog = catalog;
        this.threads = threads;
    }

    @Override
    public void configure() {
        for (ProviderSpec spec : catalog.enabled()) {
            templatedRoute(TEMPLATE)
                    .routeId("panel-" + spec.id())
                    .parameter("providerId", spec.id())
                    .parameter("threads", String.valueOf(threads));
        }
    }
}
