package dev.quorum.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimScript;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The usage dashboard in headless Chromium: after real requests (three providers, two tenants, one failure with its
 * message, an alert it raised), a budget, consensus votes and a cascade, the page's charts are drawn with the data
 * (the DOM says how many points each chart has), the tiles tell client requests from provider calls, and the
 * screenshot shows each chart's colour over thousands of pixels.
 */
class DashboardTest extends QuorumTestSupport {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Path work = tempDir();

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.data.dir", work.resolve("data").toString());
        settings.put("quorum.budget.dashboard-daily.scope", "global");
        settings.put("quorum.budget.dashboard-daily.period", "day");
        settings.put("quorum.budget.dashboard-daily.limit-usd", "0.01");
        settings.put("quorum.budget.dashboard-daily.policy", "reject");
        settings.put("quorum.routing.retry.openai-sim.max-attempts", "1");
        // openai-sim's one failure of its five calls raises its error-rate alert
        settings.put("quorum.alerts.check-ms", "200");
        settings.put("quorum.alerts.min-calls", "2");
        settings.put("quorum.alerts.provider.openai-sim.error-rate.threshold", "0.15");
        return settings;
    }

    @Test
    void should_draw_every_chart_with_the_usage_of_the_requests() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium (Debian package chromium) is not installed");
        // given: answered requests on three providers for two tenants, three consensus votes (two of three agreeing
        // twice, all three once), a cascade, and one failed request
        simulator().reset();
        // a few milliseconds per call, so every provider's latency points are above 0 ms (the chart counts drawn
        // points, and a call answered within the same millisecond is a p50 of 0 that draws nothing)
        for (String provider : List.of("anthropic-sim", "openai-sim", "gemini-sim", "mistral-sim", "ollama-sim")) {
            simulator().script(provider, simulator().script(provider).withLatencyMs(5));
        }
        String[][] singles = {{"anthropic-sim", "acme"}, {"anthropic-sim", "globex"}, {"openai-sim", "acme"},
                {"gemini-sim", "globex"}, {"gemini-sim", "acme"}};
        for (String[] single : singles) {
            assertThat(post("/api/v1/complete", request(Map.of("prompt", "Tell the dashboard something",
                    "provider", single[0], "tenant", single[1]))).statusCode()).isEqualTo(200);
        }
        for (List<String> panel : List.of(List.of("openai-sim", "gemini-sim", "ollama-sim"),
                List.of("openai-sim", "gemini-sim", "ollama-sim"), List.of("openai-sim", "gemini-sim", "mistral-sim"))) {
            assertThat(post("/api/v1/consensus", request(Map.of("prompt", "What is the capital of France?",
                    "providers", panel))).statusCode()).isEqualTo(200);
        }
        assertThat(post("/api/v1/complete", request(Map.of("prompt", "What is the capital of France?",
                "mode", "cascade"))).statusCode()).isEqualTo(200);
        simulator().script("openai-sim", SimScript.builder().errorRate(1.0).errorStatus(500).build());
        assertThat(post("/api/v1/complete", request(Map.of("id", "dashboard-failure-1", "prompt", "fail",
                "provider", "openai-sim"))).statusCode()).isEqualTo(502);
        // the ledger and the votes are written in batches off the request path, alerts come with their check
        JsonNode usage = json(get("/api/v1/usage?period=day&by=provider"));
        await().atMost(Duration.ofSeconds(10)).until(() -> json(get("/api/v1/alerts")).path("firing").size() > 0);

        // when
        String dom = chromium("--dump-dom");
        Path screenshot = work.resolve("dashboard.png");
        chromium("--screenshot=" + screenshot);

        // then: the page loaded its data and drew each chart with it
        assertThat(dom).contains("data-rendered=\"true\"").doesNotContain("data-error");
        int providers = usage.path("rows").size();
        assertThat(providers).isEqualTo(5);
        assertThat(points(dom, "cost-by-provider")).isEqualTo(4); // ollama-sim costs nothing
        assertThat(points(dom, "tokens-by-provider")).isEqualTo(2 * providers);
        assertThat(points(dom, "cost-by-model")).isEqualTo(4);
        assertThat(points(dom, "spend-by-tenant")).isEqualTo(3); // acme, globex, and default for the rest
        // p50 and p95 of every provider (in this hour; one more slot if the hour turned meanwhile)
        assertThat(points(dom, "latency")).isGreaterThanOrEqualTo(2 * providers).isEven();
        assertThat(points(dom, "agreement")).isEqualTo(2); // 2/3 twice, 1.0 once
        assertThat(dom).contains("data-budget=\"dashboard-daily\"");
        // the tiles tell client requests from provider calls (a consensus request is three calls)
        long clientRequests = usage.path("totals").path("clientRequests").asLong();
        long calls = usage.path("totals").path("requests").asLong();
        assertThat(calls).isGreaterThan(clientRequests);
        assertThat(text(dom, "total-client-requests")).isEqualTo(String.valueOf(clientRequests));
        assertThat(text(dom, "total-provider-calls")).isEqualTo(String.valueOf(calls));
        assertThat(dom).contains("data-cascades=\"1\"");
        // the failure with its message, and the alert it raised
        assertThat(dom).contains("dashboard-failure-1").contains("provider_error")
                .contains("provider 'openai-sim' answered HTTP 500");
        assertThat(dom).contains("data-alert-type=\"provider-error-rate\"").contains("provider openai-sim: 1 of 5 calls failed");
        // and the charts are on the screen: each one's colour covers far more than a legend box (40 x 12 pixels)
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(pixels(image, 0x1f77b4)).as("cost by provider bars").isGreaterThan(3000);
        assertThat(pixels(image, 0x2ca02c)).as("input token bars").isGreaterThan(3000);
        assertThat(pixels(image, 0xff7f0e)).as("output token bars").isGreaterThan(3000);
        assertThat(pixels(image, 0x9467bd)).as("agreement bars").isGreaterThan(3000);
        assertThat(pixels(image, 0x17becf)).as("first model's doughnut slice").isGreaterThan(1000);
        assertThat(pixels(image, 0x393b79)).as("tenant bars").isGreaterThan(3000);
    }

    private String chromium(String action) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run",
                "--user-data-dir=" + work.resolve("chromium-profile"), "--window-size=1280,1800",
                "--virtual-time-budget=8000", action, "http://127.0.0.1:" + port + "/dashboard"));
        File output = work.resolve("chromium-out.txt").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(output)
                .redirectError(work.resolve("chromium-err.txt").toFile()).start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return Files.readString(output.toPath(), StandardCharsets.UTF_8);
    }

    /** The text of the element with this id (a tile's value). */
    private static String text(String dom, String id) {
        Matcher element = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(dom);
        assertThat(element.find()).as("element %s in the DOM", id).isTrue();
        return element.group(1);
    }

    private static int points(String dom, String canvas) {
        Matcher tag = Pattern.compile("<canvas[^>]*id=\"" + canvas + "\"[^>]*>").matcher(dom);
        assertThat(tag.find()).as("canvas %s in the DOM", canvas).isTrue();
        assertThat(tag.group()).contains("data-rendered=\"true\"");
        Matcher points = Pattern.compile("data-points=\"(\\d+)\"").matcher(tag.group());
        assertThat(points.find()).isTrue();
        return Integer.parseInt(points.group(1));
    }

    /** Pixels within a small distance of the colour (antialiased edges excluded). */
    private static int pixels(BufferedImage image, int rgb) {
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs((p >> 16 & 0xff) - r) <= 3 && Math.abs((p >> 8 & 0xff) - g) <= 3 && Math.abs((p & 0xff) - b) <= 3) {
                    count++;
                }
            }
        }
        return count;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("quorum-dashboard-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
