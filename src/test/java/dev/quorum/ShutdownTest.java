package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

/** Stopping Quorum: every route stops within Camel's shutdown time-out instead of being forced down at its end. */
class ShutdownTest {

    @Test
    void should_stop_gracefully_after_serving_a_panel_through_its_queues() {
        // given a Quorum that has answered a consensus request with its own time-out (the seda branch of a panel)
        QuorumInstance quorum = QuorumInstance.start(Map.of());
        CamelContext context = quorum.context();
        HttpResponse<String> answer = quorum.post("/api/v1/complete",
                "{\"prompt\":\"What is 2+2?\",\"mode\":\"consensus\",\"timeoutMs\":20000}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        // when
        quorum.close();

        // then
        assertThat(context.isStopped()).isTrue();
        assertThat(context.getShutdownStrategy().isTimeoutOccurred())
                .as("the routes had to be forced down after camel.main.shutdown-timeout")
                .isFalse();
    }
}
