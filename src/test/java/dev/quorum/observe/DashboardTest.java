package dev.quorum.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * The usage dashboard in headless Chromium: after real requests (three providers, one failure), a budget and a few
 * consensus votes, the page's charts are drawn with the data (the DOM says how many points each chart has) and the
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
        return settings;
    }

    @Test
    void should_draw_every_chart_with_the_usage_of_the_requests() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium (Debian package chromium) is not installed");
        // given: answered requests on three providers, one failed request, three consensus votes
        simulator().reset();
        for (String provider : List.of("anthropic-sim", "anthropic-sim", "openai-sim", "gemini-sim", "gemini-sim")) {
            assertThat(post("/api/v1/complete", request(Map.of("prompt", "Tell the dashboard something", "provider", provider)))
                    .statusCode()).isEqualTo(200);
        }
        simulator().script("openai-sim", SimScript.builder().errorRate(1.0).errorStatus(500).build());
        assertThat(post("/api/v1/complete", request(Map.of("id", "dashboard-failure-1", "prompt", "fail",
                "provider", "openai-sim"))).statusCode()).isEqualTo(502);
        QuorumMetrics metrics = context.getRegistry().lookupByNameAndType("quorumMetrics", QuorumMetrics.class);
        metrics.recordAgreement("majority", 0.8);
        metrics.recordAgreement("majority", 0.8);
        metrics.recordAgreement("majority", 0.6);
        // the ledger is written in batches off the request path
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(json(get("/api/v1/usage?period=day&by=provider")).path("totals").path("requests").asInt())
                        .isGreaterThanOrEqualTo(6));

        // when
        String dom = chromium("--dump-dom");
        Path screenshot = work.resolve("dashboard.png");
        chromium("--screenshot=" + screenshot);

        // then: the page loaded its data and drew each chart with it
        assertThat(dom).contains("data-rendered=\"true\"").doesNotContain("data-error");
        assertThat(points(dom, "cost-by-provider")).isEqualTo(3);
        assertThat(points(dom, "tokens-by-provider")).isEqualTo(6);
        assertThat(points(dom, "cost-by-model")).isEqualTo(3);
        assertThat(points(dom, "agreement")).isEqualTo(2);
        assertThat(dom).contains("data-budget=\"dashboard-daily\"");
        assertThat(dom).contains("dashboard-failure-1").contains("provider_error");
        // and the charts are on the screen: each one's colour covers far more than a legend box (40 x 12 pixels)
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(pixels(image, 0x1f77b4)).as("cost by provider bars").isGreaterThan(3000);
        assertThat(pixels(image, 0x2ca02c)).as("input token bars").isGreaterThan(3000);
        assertThat(pixels(image, 0xff7f0e)).as("output token bars").isGreaterThan(3000);
        assertThat(pixels(image, 0x9467bd)).as("agreement bars").isGreaterThan(3000);
        assertThat(pixels(image, 0x17becf)).as("first model's doughnut slice").isGreaterThan(1000);
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
