package dev.quorum.observe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The usage dashboard's files (HTML, CSS, its script and the vendored Chart.js), read from the class path once at
 * start and served from memory by the {@code http-dashboard} routes. Only these names are served: a path never
 * reaches the file system.
 */
public final class DashboardAssets {

    private record Asset(byte[] bytes, String contentType) {
    }

    private final Map<String, Asset> assets;

    public DashboardAssets() {
        this.assets = Map.of(
                "index.html", load("dashboard/index.html", "text/html; charset=utf-8"),
                "dashboard.css", load("dashboard/dashboard.css", "text/css; charset=utf-8"),
                "dashboard.js", load("dashboard/dashboard.js", "text/javascript; charset=utf-8"),
                "chart.umd.min.js", load("dashboard/vendor/chart.umd.min.js", "text/javascript; charset=utf-8"));
    }

    /** {@code GET /dashboard}: the page. */
    public void page(Exchange exchange) {
        reply(exchange, assets.get("index.html"));
    }

    /** {@code GET /dashboard/{asset}}: one of the page's files, or 404. */
    public void asset(Exchange exchange) {
        String name = exchange.getMessage().getHeader("asset", String.class);
        reply(exchange, name == null ? null : assets.get(name));
    }

    private static void reply(Exchange exchange, Asset asset) {
        org.apache.camel.Message message = exchange.getMessage();
        message.removeHeaders("*");
        if (asset == null) {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            message.setBody("not found");
            return;
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, asset.contentType());
        message.setHeader("Cache-Control", "no-cache");
        message.setBody(asset.bytes());
    }

    private static Asset load(String resource, String contentType) {
        try (InputStream in = DashboardAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + resource);
            }
            return new Asset(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
