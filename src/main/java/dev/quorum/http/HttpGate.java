package dev.quorum.http;

import dev.quorum.auth.ApiKeys;
import dev.quorum.auth.DashboardSessions;
import dev.quorum.auth.ErrorReplies;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The first handler of every request on Quorum's HTTP server, run on the event loop as soon as the request head has
 * arrived and before a byte of its body is read. It answers at once, in the API's JSON error shape: 401 to a request
 * without a valid API key (when keys are on) or with a key in its query string, 413 to a body declared larger than
 * its path's limit, 503 while more body bytes are held than {@code max-buffered-body-bytes} allows and while Quorum is
 * starting or stopping. Health details ({@code exposureLevel}, {@code data}, {@code stackTrace}) need a key; a probe
 * without one gets the status alone. Only then is the body read, by Vert.x's own {@link BodyHandler} with the path's
 * limit (a chunked body is cut off there with a 413), within {@code body-timeout-ms}; platform-http's body handler
 * then finds it read. A body it refuses unread is dropped as it arrives, never held, up to the path's limit. With keys
 * on, the dashboard's login ({@link DashboardSessions}) is answered here too: the login form and its POST, the logout,
 * and a logged-in browser's session cookie let through for the dashboard's reads, and nothing else.
 */
public final class HttpGate {

    /** Before every route platform-http and the management server add (they take orders from 0 up). */
    static final int ORDER = -1_000_000;
    private static final String OBSERVE = "/observe/";
    private static final String EXPOSURE = "exposureLevel";
    /** The largest dashboard login form read: a key and its field name. */
    private static final long LOGIN_BODY_BYTES = 4096;
    /** Routing context key: this request is the dashboard's login form, answered once its body is read. */
    private static final String LOGIN_FORM = "quorum.dashboardLogin";
    private static final String HTML = "text/html; charset=utf-8";
    /** The login page runs no script, loads nothing, may not be framed and posts only to this Quorum. */
    private static final String LOGIN_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final HttpLimits limits;
    private final ApiKeys keys;
    private final ErrorReplies replies;
    private final ConnectionGuard guard;
    private final BooleanSupplier ready;
    private final String healthPath;
    private final DashboardSessions sessions;
    private final Map<Long, BodyHandler> bodyHandlers = new HashMap<>();
    private final BodyHandler loginBody = bodyHandler(LOGIN_BODY_BYTES);
    private final AtomicLong held = new AtomicLong();

    /**
     * @param keys       the API keys to require, or {@code null} when keys are off
     * @param guard      the server's connection guard, told when requests and bodies start and finish
     * @param ready      whether Quorum's routes are running; API requests before are answered 503
     * @param healthPath the management server's health path ({@code camel.management.health-path})
     */
    public HttpGate(HttpLimits limits, ApiKeys keys, ErrorReplies replies, ConnectionGuard guard, BooleanSupplier ready,
                    String healthPath) {
        this(limits, keys, replies, guard, ready, healthPath, null);
    }

    /**
     * As above, with the dashboard's login ({@code sessions}, when keys are on): {@code /dashboard/login} and
     * {@code /dashboard/logout} are answered here, and a logged-in browser's session cookie opens the dashboard's reads.
     */
    public HttpGate(HttpLimits limits, ApiKeys keys, ErrorReplies replies, ConnectionGuard guard, BooleanSupplier ready,
                    String healthPath, DashboardSessions sessions) {
        this.sessions = sessions;
        this.limits = limits;
        this.keys = keys;
        this.replies = replies;
        this.guard = guard;
        this.ready = ready;
        this.healthPath = healthPath;
        bodyHandlers.put(limits.maxBodyBytes(), bodyHandler(limits.maxBodyBytes()));
        for (HttpLimits.PathLimit limit : limits.pathLimits()) {
            bodyHandlers.computeIfAbsent(limit.maxBodyBytes(), HttpGate::bodyHandler);
        }
    }

    /** As platform-http configures its own, but with the path's limit and no file uploads (nothing in Quorum takes one). */
    private static BodyHandler bodyHandler(long limit) {
        return BodyHandler.create(false).setBodyLimit(limit).setMergeFormAttributes(true)
                .setDeleteUploadedFilesOnEnd(true).setPreallocateBodyBuffer(true);
    }

    /** Puts the gate in front of every route of {@code router}, and answers a path no route serves with JSON. */
    public void install(Router router) {
        router.route().order(ORDER).handler(this::admit).failureHandler(this::failed);
        router.route().order(ORDER + 1).handler(this::bodyRead);
        router.errorHandler(404, this::notFound);
    }

    /**
     * The server's request handler: a path that is not valid percent-encoding (a {@code %} not followed by two hex
     * digits) is answered 400 in the API's JSON shape and its connection closed, because Vert.x's router would fail
     * decoding it with a logged stack trace for every such request (a cheap flood of the log); every other request
     * goes to {@code router}.
     */
    public void screen(HttpServerRequest request, Router router) {
        String path = request.path();
        if (path == null || wellEscaped(path)) {
            router.handle(request);
            return;
        }
        request.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                .end(Buffer.buffer(replies.body(path, 400, "invalid_request", "invalid_request", "The request's path "
                        + "is not valid URL encoding: a '%' must be followed by two hexadecimal digits")))
                .onComplete(written -> request.connection().close());
    }

    /** Whether every {@code %} in {@code path} starts an escape of two hexadecimal digits. */
    static boolean wellEscaped(String path) {
        for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
            if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
                    || Character.digit(path.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether requests need an API key. */
    public boolean keysRequired() {
        return keys != null;
    }

    void admit(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = request.path();
        ConnectionGuard.Tracked tracked = guard.tracked(request.connection());
        if (tracked != null) {
            tracked.requestStarted();
            ctx.addEndHandler(ended -> tracked.requestEnded());
        }
        boolean observe = path.startsWith(OBSERVE);
        if (!observe && !ready.getAsBoolean()) {
            reply(ctx, 503, replies.body(path, 503, "not_ready", "server_starting",
                    "Quorum is starting or stopping: retry in a moment"), "Retry-After", "1", false);
            return;
        }
        boolean login = false;
        if (path.equals(DashboardSessions.LOGIN) || path.equals(DashboardSessions.LOGOUT)) {
            if (!dashboardLogin(ctx, request, path)) {
                return;
            }
            // the login form: its body (a key) is read below, with a small limit, and answered in bodyRead
            login = true;
            ctx.put(LOGIN_FORM, Boolean.TRUE);
        } else if (keys != null && !authenticated(ctx, request, path, observe)) {
            return;
        }
        long length = declaredLength(request);
        if (length == 0) {
            ctx.next();
            return;
        }
        long limit = login ? LOGIN_BODY_BYTES : limits.maxBodyBytes(path);
        if (length > limit) {
            tooLarge(ctx, path, limit);
            return;
        }
        long hold = length > 0 ? length : limit;
        if (held.addAndGet(hold) > limits.maxBufferedBodyBytes()) {
            held.addAndGet(-hold);
            reply(ctx, 503, replies.body(path, 503, "server_busy", "server_busy", "Quorum holds as many request bodies "
                    + "as it may (quorum.http.max-buffered-body-bytes): retry in a moment"), "Retry-After", "1", false);
            return;
        }
        ctx.addEndHandler(ended -> held.addAndGet(-hold));
        if (tracked != null) {
            Context context = Vertx.currentContext();
            tracked.bodyStarted(() -> context.runOnContext(v -> slowBody(ctx, path)));
        }
        (login ? loginBody : bodyHandlers.get(limit)).handle(ctx);
    }

    /** The body has been read (the body handler moved on): its deadline no longer applies. */
    void bodyRead(RoutingContext ctx) {
        ConnectionGuard.Tracked tracked = guard.tracked(ctx.request().connection());
        if (tracked != null) {
            tracked.bodyRead();
        }
        if (Boolean.TRUE.equals(ctx.get(LOGIN_FORM))) {
            finishLogin(ctx);
            return;
        }
        ctx.next();
    }

    /**
     * {@code /dashboard/login} and {@code /dashboard/logout}, answered here and never by a route. With keys off both
     * send the browser to the dashboard. {@code GET /dashboard/login} is the form; {@code POST /dashboard/logout} ends
     * the session. A POST whose {@code Origin} is not this Quorum's own is refused (403, CSRF). Returns true only for
     * a login POST to go on with: its body is read next and answered by {@link #finishLogin}.
     */
    private boolean dashboardLogin(RoutingContext ctx, HttpServerRequest request, String path) {
        if (sessions == null) {
            redirect(ctx, "/dashboard", null);
            return false;
        }
        boolean post = request.method() == io.vertx.core.http.HttpMethod.POST;
        boolean https = https(request);
        if (path.equals(DashboardSessions.LOGIN) && !post) {
            if (request.method() != io.vertx.core.http.HttpMethod.GET) {
                page(ctx, 405, sessions.loginPage(null), "Allow", "GET, POST");
                return false;
            }
            page(ctx, 200, sessions.loginPage(null), null, null);
            return false;
        }
        if (!post) {
            page(ctx, 405, sessions.loginPage(null), "Allow", "POST");
            return false;
        }
        if (!sessions.sameOrigin(request.getHeader(HttpHeaders.ORIGIN), request.getHeader(HttpHeaders.HOST))) {
            page(ctx, 403, sessions.loginPage("This form is accepted only from this Quorum's own login page."), null,
                    null);
            return false;
        }
        if (path.equals(DashboardSessions.LOGOUT)) {
            sessions.logout(request.getHeader(HttpHeaders.COOKIE));
            redirect(ctx, DashboardSessions.LOGIN, sessions.clearedCookie(https));
            return false;
        }
        if (declaredLength(request) > LOGIN_BODY_BYTES) {
            page(ctx, 413, sessions.loginPage("That is not an API key."), null, null);
            return false;
        }
        return true;
    }

    /** The login form's body has arrived: a valid key starts a session (a cookie, never the key), else the form again. */
    private void finishLogin(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String id = sessions.login(request.getFormAttribute("key"));
        if (id == null) {
            page(ctx, 401, sessions.loginPage("That key is not valid for this Quorum."), null, null);
            return;
        }
        redirect(ctx, "/dashboard", sessions.cookie(id, https(request)));
    }

    /** Whether the browser reached Quorum over HTTPS: a TLS proxy in front says so, or the page's origin does. */
    private static boolean https(HttpServerRequest request) {
        String proto = request.getHeader("X-Forwarded-Proto");
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return (proto != null && proto.trim().toLowerCase(java.util.Locale.ROOT).startsWith("https"))
                || (origin != null && origin.trim().toLowerCase(java.util.Locale.ROOT).startsWith("https://"));
    }

    private static void redirect(RoutingContext ctx, String location, String cookie) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        response.setStatusCode(303).putHeader(HttpHeaders.LOCATION, location).putHeader(HttpHeaders.CACHE_CONTROL,
                "no-store");
        if (cookie != null) {
            response.putHeader(HttpHeaders.SET_COOKIE, cookie);
        }
        if (!ctx.request().isEnded()) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end();
    }

    private static void page(RoutingContext ctx, int status, byte[] html, String header, String value) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, HTML)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").putHeader("X-Frame-Options", "DENY")
                .putHeader("Content-Security-Policy", LOGIN_POLICY).putHeader("Referrer-Policy", "same-origin");
        if (header != null) {
            response.putHeader(header, value);
        }
        if (!ctx.request().isEnded()) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end(Buffer.buffer(html));
    }

    /**
     * A failure before the route answered, in the API's shape: the body handler's 413 (a chunked body past the limit)
     * naming the limit, its other refusals (a malformed form, an unmet {@code Expect}) as what they are. A failure
     * with no status of its own (an exception) goes on to Vert.x.
     */
    void failed(RoutingContext ctx) {
        int status = ctx.statusCode();
        String path = ctx.request().path();
        if (status == 413) {
            tooLarge(ctx, path, limits.maxBodyBytes(path));
        } else if (status >= 400 && status < 500) {
            reply(ctx, status, replies.body(path, status, "invalid_request", "invalid_request", "The request could not be "
                    + "read: HTTP " + status + " " + HttpResponseStatus.valueOf(status).reasonPhrase()), null, null, false);
        } else {
            ctx.next();
        }
    }

    /** Vert.x's own answer is an HTML page; an API client expects JSON. */
    void notFound(RoutingContext ctx) {
        String path = ctx.request().path();
        reply(ctx, 404, replies.body(path, 404, "not_found", "not_found", "Nothing is served at "
                + ctx.request().method() + " " + path), null, null, false);
    }

    private boolean authenticated(RoutingContext ctx, HttpServerRequest request, String path, boolean observe) {
        boolean query = request.query() != null;
        if (query && carriesKey(request.params())) {
            unauthorized(ctx, path, ApiKeys.Refusal.IN_QUERY);
            return false;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String apiKey = request.getHeader(ApiKeys.API_KEY_HEADER);
        if (observe) {
            if (path.startsWith(healthPath) && keys.match(authorization, apiKey) == null) {
                if (query && asksForDetails(request.params())) {
                    unauthorized(ctx, path, ApiKeys.refusal(authorization, apiKey));
                    return false;
                }
                // a probe without a key gets UP or DOWN, not which check failed and why
                request.params().set(EXPOSURE, "oneline");
            }
            return true;
        }
        if (keys.match(authorization, apiKey) == null) {
            if (sessions != null && authorization == null && apiKey == null) {
                String method = request.method().name();
                String cookie = request.getHeader(HttpHeaders.COOKIE);
                if (cookie != null && sessions.tenant(cookie, method, path) != null) {
                    return true; // a logged-in browser reading the dashboard (its reads only)
                }
                if ("GET".equals(method) && (path.equals("/dashboard") || path.equals("/dashboard/"))) {
                    redirect(ctx, DashboardSessions.LOGIN, null); // a person, not a client: the login form
                    return false;
                }
            }
            unauthorized(ctx, path, ApiKeys.refusal(authorization, apiKey));
            return false;
        }
        return true;
    }

    private static boolean carriesKey(MultiMap params) {
        for (String name : params.names()) {
            if (ApiKeys.isKeyParameter(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean asksForDetails(MultiMap params) {
        String exposure = params.get(EXPOSURE);
        return (exposure != null && !"oneline".equalsIgnoreCase(exposure.trim())) || params.contains("data")
                || params.contains("stackTrace");
    }

    private void unauthorized(RoutingContext ctx, String path, ApiKeys.Refusal refusal) {
        reply(ctx, 401, keys.rejection(path, refusal), "WWW-Authenticate", "Bearer realm=\"quorum\"", false);
    }

    /**
     * A body over its path's limit, refused to a caller the gate let through (a valid key, or keys off). Its declared
     * body is dropped in full (within {@code idle-timeout-ms} of the reply) before the connection is closed, so the
     * client reads the 413 instead of a reset; a chunked one is cut off at the limit.
     */
    private void tooLarge(RoutingContext ctx, String path, long limit) {
        boolean byPath = limits.pathLimits().stream().anyMatch(l -> path.startsWith(l.prefix()));
        reply(ctx, 413, replies.body(path, 413, "body_too_large", "request_too_large", "The request body is larger "
                + "than the " + limit + " bytes " + path + " accepts (" + HttpLimits.PREFIX
                + (byPath ? "max-body-bytes-by-path" : "max-body-bytes") + ")"), null, null, false,
                Math.max(limit, declaredLength(ctx.request())));
    }

    private void slowBody(RoutingContext ctx, String path) {
        reply(ctx, 408, replies.body(path, 408, "request_timeout", "request_timeout", "The request body did not arrive "
                + "within " + limits.bodyTimeoutMs() + " ms (" + HttpLimits.PREFIX + "body-timeout-ms)"), null, null, true);
    }

    /**
     * Ends the exchange with an error, in most cases before its body is read. A body not read then is left to arrive
     * and dropped as it does, up to its path's limit, and the connection closed once it has (the reply says so):
     * closing at once would reset the connection under a client still sending, which then may never see the reply.
     * A sender that goes on past the limit is cut off; one still sending {@code idle-timeout-ms} after the reply is
     * closed by the {@link ConnectionGuard}. {@code closeNow} closes the connection as soon as the reply is written (a
     * body too slow to wait for).
     */
    private void reply(RoutingContext ctx, int status, byte[] body, String header, String value, boolean closeNow) {
        reply(ctx, status, body, header, value, closeNow, limits.maxBodyBytes(ctx.request().path()));
    }

    /** {@link #reply} dropping at most {@code drain} bytes of an unread body. */
    private void reply(RoutingContext ctx, int status, byte[] body, String header, String value, boolean closeNow,
            long drain) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            request.connection().close();
            return;
        }
        boolean unread = !request.isEnded() && declaredLength(request) != 0;
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        if (header != null) {
            response.putHeader(header, value);
        }
        if (unread || closeNow) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        if (unread && !closeNow) {
            drop(request, drain);
        }
        response.end(Buffer.buffer(body)).onComplete(written -> {
            if (closeNow) {
                request.connection().close();
            }
        });
    }

    /**
     * Reads the rest of a refused body into nothing; closes the connection when it ends or passes {@code limit}. The
     * reply has ended the request, so a sender still trickling it {@code idle-timeout-ms} later is closed by the
     * {@link ConnectionGuard}.
     */
    private static void drop(HttpServerRequest request, long limit) {
        long[] dropped = {0};
        request.handler(data -> {
            dropped[0] += data.length();
            if (dropped[0] > limit) {
                request.connection().close();
            }
        });
        request.endHandler(ended -> request.connection().close());
        request.resume();
    }

    /** The body's declared length: 0 for none, -1 when it is chunked. The server speaks HTTP/1.x only. */
    static long declaredLength(HttpServerRequest request) {
        if (request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            return -1;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
