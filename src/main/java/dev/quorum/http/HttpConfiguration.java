package dev.quorum.http;

import dev.quorum.camel.Steps;
import dev.quorum.settings.Settings;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/**
 * Sizes Quorum's HTTP server ({@code quorumVertxOptions}, read by {@link QuorumHttpServer}): platform-http runs each
 * exchange on a Vert.x worker thread, which a provider call holds for as long as the model takes (seconds), so the
 * pool size ({@code quorum.http.worker-threads}) is the number of requests Quorum serves at once. Quorum's
 * application's, not the engine's: an application using {@code quorum:} keeps its own Vert.x settings.
 */
public final class HttpConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        Settings settings = Settings.of(context, "quorum.http");
        int workers = settings.integer("worker-threads", 200, 1, Integer.MAX_VALUE);
        // the limits are QuorumHttpServerFactory's, which reads them again when it makes the server
        HttpLimits.read(settings);
        settings.requireKnown();
        // "stream": true on the native API: server-sent events (routes/http.camel.yaml)
        NativeStreams streams = new NativeStreams(context);
        Steps.bind(context.getRegistry(), "nativeStreams", streams)
                .step("accept", streams::accept)
                .step("end", streams::end);
        context.getRegistry().bind("quorumVertxOptions", new VertxOptions()
                .setWorkerPoolSize(workers)
                .setMaxWorkerExecuteTime(10).setMaxWorkerExecuteTimeUnit(TimeUnit.MINUTES));
    }
}
