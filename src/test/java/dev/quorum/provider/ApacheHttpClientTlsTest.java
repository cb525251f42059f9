package dev.quorum.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS through the provider HTTP client: a TLS server with a self-signed certificate for {@code localhost} made by
 * the JDK's keytool, and a client that trusts it, so the name check is the only thing that can fail.
 */
class ApacheHttpClientTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path directory;

    private static RawHttpServer server;
    private static ApacheHttpClient client;

    @BeforeAll
    static void startTlsServer() throws Exception {
        Path keystore = directory.resolve("server.p12");
        Process keytool = new ProcessBuilder(System.getProperty("java.home") + "/bin/keytool", "-genkeypair",
                "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost", "-ext", "san=dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", keys.getCertificate("server"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trustManagers.getTrustManagers(), null);

        server = RawHttpServer.start(serverContext.getServerSocketFactory(), RawHttpServer.answering("secret"));
        client = ApacheHttpClient.builder().sslContext(clientContext).build();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.builder().method(HttpMethod.GET).url(url).build();
    }

    @Test
    void should_call_https_on_the_name_in_the_certificate_and_keep_the_connection() {
        // given
        String url = "https://localhost:" + server.port() + "/v1/models";
        int before = server.connections();

        // when
        SuccessfulHttpResponse first = client.execute(get(url));
        SuccessfulHttpResponse second = client.execute(get(url));

        // then
        assertThat(first.body()).isEqualTo("secret");
        assertThat(second.body()).isEqualTo("secret");
        assertThat(server.received()).anySatisfy(request ->
                assertThat(request.headers()).containsEntry("host", "localhost:" + server.port()));
        assertThat(server.connections() - before).isEqualTo(1);
    }

    @Test
    void should_reject_a_certificate_that_does_not_name_the_host() {
        // given: the certificate names localhost, the URL names 127.0.0.1
        String url = "https://127.0.0.1:" + server.port() + "/v1/models";

        // then
        assertThatThrownBy(() -> client.execute(get(url)))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class)
                .hasStackTraceContaining("127.0.0.1");
    }
}
