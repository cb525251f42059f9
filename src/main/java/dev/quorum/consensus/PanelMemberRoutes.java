package dev.quorum.consensus;

import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * Makes one {@code seda:panel-<id>} route per enabled provider from the {@code panel-member} template in
 * {@code routes/engine/consensus.camel.yaml}: the panel's recipient list sends to these with the request's time-out, so each
 * request can wait as long as it asks (the recipient list's own time-out is fixed when the route is built). Each
 * provider's calls run on a pool of its own, bean {@code <id>PanelThreads} (threads {@code panel-<id>}), which the
 * template's {@code threads} step names: a pool size written into the template as {@code {{threads}}} would fail the
 * YAML DSL's schema, where it is a number.
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
        // one thread while idle, up to threads at once; with no queue a call beyond that runs on the caller (the seda
        // consumer), and idle threads end after a minute
        ThreadPoolProfile pool = new ThreadPoolProfileBuilder("panel-member").poolSize(1).maxPoolSize(threads)
                .maxQueueSize(0).keepAliveTime(60L, TimeUnit.SECONDS).allowCoreThreadTimeOut(true)
                .rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build();
        for (ProviderSpec spec : catalog.enabled()) {
            getContext().getRegistry().bind(spec.id() + "PanelThreads",
                    getContext().getExecutorServiceManager().newThreadPool(this, "panel-" + spec.id(), pool));
            templatedRoute(TEMPLATE)
                    .routeId("panel-" + spec.id())
                    .parameter("providerId", spec.id())
                    .parameter("threads", String.valueOf(threads));
        }
    }
}
