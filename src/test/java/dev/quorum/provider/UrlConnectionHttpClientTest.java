package dev.quorum.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.quorum.sim.ProviderSimulator;
import dev.quorum.sim.SimScript;
import dev.quorum.sim.WireFormat;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UrlConnectionHttpClientTest {

    private final ProviderSimulator simulator = ProviderSimulator.start(0);

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpRequest chat(String id) {
        return HttpRequest.builder().method(HttpMethod.POST)
                .url(simulator.baseUrl(id, WireFormat.OPENAI) + "/chat/completions")
                .addHeader("Content-Type", "application/json")
                .body("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .build();
    }

    @Test
    void should_return_the_body_and_headers_of_a_success() {
        // given
        simulator.script("p", SimScript.builder().defaultAnswer("hello").build());

        // when
        SuccessfulHttpResponse response = new UrlConnectionHttpClient(10_000, 60_000).execute(chat("p"));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"content\":\"hello\"");
        assertThat(response.headers()).containsKey("Content-type");
    }

    @Test
    void should_carry_the_providers_retry_after_on_an_error() {
        // given
        simulator.script("p", SimScript.builder().errorRate(1).errorStatus(429).retryAfterSeconds(9).build());

        // then
        assertThatThrownBy(() -> new UrlConnectionHttpClient(10_000, 60_000).execute(chat("p")))
                .isInstanceOfSatisfying(ProviderHttpException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.retryAfterMs()).isEqualTo(9_000);
                    assertThat(e.getMessage()).contains("simulated failure");
                });
    }

    @Test
    void should_give_up_at_the_read_timeout() {
        // given
        simulator.script("p", SimScript.builder().hang(true).build());
        long started = System.nanoTime();

        // then
        assertThatThrownBy(() -> new UrlConnectionHttpClient(10_000, 300).execute(chat("p")))
                .hasCauseInstanceOf(SocketTimeoutException.class);
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(250L, 3_000L);
    }

    @Test
    void should_disconnect_a_trickled_answer_at_the_call_deadline() {
        // given: one byte every 100 ms against a read timeout of 60 s that every byte restarts
        simulator.script("p", SimScript.builder().defaultAnswer("hello").trickleMs(100).build());
        CallDeadline deadline = CallDeadline.start(java.time.Duration.ofMillis(500));
        long started = System.nanoTime();

        // when
        CallCapture.open(null, null, deadline);
        try {
            assertThatThrownBy(() -> new UrlConnectionHttpClient(10_000, 60_000).execute(chat("p")))
                    // then
                    .hasCauseInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("did not finish its answer within 500 ms");
        } finally {
            CallCapture.close();
        }
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(450L, 5_000L);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> simulator.disconnects("p") == 1);
    }
}
