package dev.quorum.http;

import dev.quorum.camel.Steps;
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
        int workers = context.getPropertiesComponent().resolveProperty("quorum.http.worker-threads")
                .map(String::trim).filter(value -> !value.isEmpty()).map(value -> {
                    try {
                        return Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("quorum.http.worker-threads must be a whole number, not '"
                                + value + "'");
                    }
                }).orElse(200);
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
