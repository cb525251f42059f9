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
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedCamelContextMBean;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.junit.jupiter.api.Test;

/**
 * The Hawtio console attached to the running Quorum: its page is served on the console port, and its Jolokia answers
 * and reads the Camel route MBeans of the live routes. Every route dumps as XML (Hawtio's route diagram and source),
 * also the routes of a provider with a concurrency cap and one with a rate limit.
 */
class ConsoleTest extends QuorumTestSupport {

    private final int consolePort = freePort();

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.console.enabled", "true");
        settings.put("quorum.console.host", "127.0.0.1");
        settings.put("quorum.console.port", String.valueOf(consolePort));
        // a concurrency cap and a rate limit: the steps whose routes Camel 4.17 could not dump as XML
        settings.put("quorum.ratelimit.anthropic-sim.concurrent-requests", "2");
        settings.put("quorum.ratelimit.gemini-sim.requests-per-minute", "600");
        return settings;
    }

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Test
    void should_dump_every_route_as_xml_with_a_concurrency_cap_and_a_rate_limit_configured() {
        // given
        ManagedCamelContext management = context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        ManagedCamelContextMBean managed = management.getManagedCamelContext();

        // when
        String all = dump(managed::dumpRoutesAsXml);
        Map<String, String> each = new HashMap<>();
        for (Route route : context.getRoutes()) {
            ManagedRouteMBean managedRoute = management.getManagedRoute(route.getRouteId());
            each.put(route.getRouteId(), dump(managedRoute::dumpRouteAsXml));
        }

        // then
        assertThat(context.getRoutes()).hasSizeGreaterThan(10);
        for (Route route : context.getRoutes()) {
            assertThat(all).contains("id=\"" + route.getRouteId() + "\"");
            assertThat(each.get(route.getRouteId())).as(route.getRouteId()).contains("id=\"" + route.getRouteId() + "\"");
        }
        assertThat(each.get("provider-anthropic-sim")).contains("throttle-concurrent-anthropic-sim");
        assertThat(each.get("provider-gemini-sim")).contains("throttle-rate-gemini-sim");
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

    private static String dump(DumpCall call) {
        try {
            return call.dump();
        } catch (Exception e) {
            throw new AssertionError("dump failed: " + e, e);
        }
    }

    @FunctionalInterface
    private interface DumpCall {
        String dump() throws Exception;
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
