package dev.quorum.provider;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;

/**
 * A bare HTTP/1.1 server on a socket for the HTTP client's tests: it counts the connections it accepted and the
 * requests it read, and lets each test write whatever bytes it wants as the answer, framing mistakes included.
 */
final class RawHttpServer implements AutoCloseable {

    /** A request as it arrived: request line, headers by lower-cased name, body. */
    record Request(String line, Map<String, String> headers, String body) {
    }

    /** Writes the answer to the {@code index}-th request (counted from 1 over all connections). */
    interface Handler {
        /** Returns whether to keep reading requests on this connection; false closes it. */
        boolean answer(int index, Request request, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Handler handler;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private RawHttpServer(ServerSocket server, Handler handler) {
        this.server = server;
        this.handler = handler;
        Thread acceptor = new Thread(this::accept, "raw-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static RawHttpServer start(Handler handler) throws IOException {
        return start(ServerSocketFactory.getDefault(), handler);
    }

    static RawHttpServer start(ServerSocketFactory factory, Handler handler) throws IOException {
        return new RawHttpServer(factory.createServerSocket(0, 50, InetAddress.getLoopbackAddress()), handler);
    }

    /** A handler that answers every request with {@code body} and a Content-Length, keeping the connection. */
    static Handler answering(String body) {
        return (index, request, out) -> {
            out.write(response(body).getBytes(StandardCharsets.UTF_8));
            return true;
        };
    }

    static String response(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    int port() {
        return server.getLocalPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    int connections() {
        return connections.get();
    }

    int requests() {
        return requests.get();
    }

    /** How many connections this server has closed (or seen closed) so far. */
    int closedConnections() {
        return closed.get();
    }

    List<Request> received() {
        return received;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread worker = new Thread(() -> serve(socket), "raw-http-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request request = read(in);
                if (request == null) {
                    return;
                }
                received.add(request);
                int index = requests.incrementAndGet();
                boolean keep = handler.answer(index, request, out);
                out.flush();
                if (!keep) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away (or failed its TLS handshake)
        } finally {
            closed.incrementAndGet();
        }
    }

    private static Request read(InputStream in) throws IOException {
        String line = line(in);
        if (line == null) {
            return null;
        }
        Map<String, String> headers = new TreeMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Request(line, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(b);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
