package dev.quorum.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Quorum started as its own process, the way {@code mvn exec:exec} and the packaged jar start it, on a port another
 * program holds: it must end at once with a non-zero status and a line naming the port and the setting to change,
 * not log the failure and go on running without serving.
 */
class PortInUseTest {

    @Test
    void should_exit_non_zero_with_one_line_naming_the_port_and_the_setting() throws Exception {
        // given a port held by another program
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Path output = Files.createTempFile("quorum-port-in-use", ".log");
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classPath,
                    "-Dquorum.console.enabled=false", "-Dquorum.file.enabled=false", "-Dquorum.simulator.port=0",
                    "-Dquorum.ollama.discovery-enabled=false", "-Dcamel.main.routes-reload-enabled=false",
                    "dev.quorum.QuorumApplication")
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.endsWith("_API_KEY"));
            environment.put("QUORUM_PORT", String.valueOf(port));
            environment.put("QUORUM_HOST", "127.0.0.1");
            environment.put("QUORUM_DATA_DIR", Files.createTempDirectory("quorum-port-in-use").toString());

            // when
            Process quorum = builder.start();
            boolean exited = quorum.waitFor(3, TimeUnit.MINUTES);
            if (!exited) {
                quorum.destroyForcibly().waitFor();
            }

            // then
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            assertThat(exited).as("Quorum ended on its own; its output:\n%s", String.join("\n", lines)).isTrue();
            assertThat(quorum.exitValue()).isNotZero();
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("Quorum did not start")
                    .contains("Port " + port).contains("QUORUM_PORT (camel.server.port)"));
            assertThat(lines).noneSatisfy(line -> assertThat(line).contains("Started http-complete"));
        }
    }
}
