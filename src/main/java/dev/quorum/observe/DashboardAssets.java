package dev.quorum.observe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The usage dashboard's files (HTML, CSS, its script and the vendored Chart.js), read from the class path once at
 * start and served from memory by the {@code http-dashboard} routes. Only these names are served: a path never
 * reaches the file system. (The login page is the HTTP gate's, {@code dev.quorum.auth.DashboardSessions}.)
 */
public final class DashboardAssets {

    private record Asset(byte[] bytes, String contentType) {
    }

    /** The page may not be framed by another site's (clickjacking); its own scripts and styles only. */
    private static final String PAGE_POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'";

    private final Map<String, Asset> assets;

    public DashboardAssets() {
        this(false);
    }

    /** @param keysOn whether API keys are on: the page then offers a logout (its session is a login's) */
    public DashboardAssets(boolean keysOn) {
        Asset page = load("dashboard/index.html", "text/html; charset=utf-8");
        String html = new String(page.bytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("data-auth=\"off\"", "data-auth=\"" + (keysOn ? "on" : "off") + "\"");
        this.assets = Map.of(
                "index.html", new Asset(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), page.contentType()),
                "dashboard.css", load("dashboard/dashboard.css", "text/css; charset=utf-8"),
                "dashboard.js", load("dashboard/dashboard.js", "text/javascript; charset=utf-8"),
                "chart.umd.min.js", load("dashboard/vendor/chart.umd.min.js", "text/javascript; charset=utf-8"));
    }

    /** {@code GET /dashboard}: the page. */
    public void page(Exchange exchange) {
        reply(exchange, assets.get("index.html"));
        exchange.getMessage().setHeader("Content-Security-Policy", PAGE_POLICY);
        exchange.getMessage().setHeader("X-Frame-Options", "DENY");
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
