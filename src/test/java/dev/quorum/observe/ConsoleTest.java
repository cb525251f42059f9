package dev.quorum.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Hawtio console attached to the running Quorum: its page is served on the console port, and its Jolokia answers
 * and reads the Camel route MBeans of the live routes.
 */
class ConsoleTest extends QuorumTestSupport {

    private final int consolePort = freePort();

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.console.enabled", "true");
        settings.put("quorum.console.host", "127.0.0.1");
        settings.put("quorum.console.port", String.valueOf(consolePort));
        return settings;
    }

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Test
    void should_serve_hawtio_whose_jolokia_reads_the_camel_route_mbeans() {
        // given: one request through the routes
        assertThat(post("/api/v1/complete", "{\"prompt\":\"What is the capital of France?\"}").statusCode()).isEqualTo(200);

        // when
        HttpResponse<String> page = console("/hawtio/");
        HttpResponse<String> version = console("/hawtio/jolokia/version");
        HttpResponse<String> intake = console("/hawtio/jolokia/read/org.apache.camel:context=quorum,type=routes,name=%22intake%22");

        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("hawtio");
        assertThat(version.statusCode()).as(version.body()).isEqualTo(200);
        assertThat(json(version).path("value").path("agent").asText()).isNotBlank();
        assertThat(intake.statusCode()).as(intake.body()).isEqualTo(200);
        JsonNode route = json(intake);
        assertThat(route.path("status").asInt()).as(intake.body()).isEqualTo(200);
        assertThat(route.path("value").path("RouteId").asText()).isEqualTo("intake");
        assertThat(route.path("value").path("ExchangesTotal").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(route.path("value").path("State").asText()).isEqualTo("Started");
    }

    private HttpResponse<String> console(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + consolePort + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
