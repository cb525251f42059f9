package dev.quorum.trigger;

import dev.quorum.sim.ProviderSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * One whole Quorum (Camel Main with the real {@code application.properties} and {@code routes/}) for tests that
 * stop and start Quorum or run several at once: a free HTTP port, its own simulator, no real provider keys, no
 * live reload, no file drop, and the settings a test adds.
 */
final class QuorumInstance implements AutoCloseable {

    private final Main main;

    private QuorumInstance(Main main) {
        this.main = main;
    }

    static QuorumInstance start(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.put("camel.server.host", "127.0.0.1");
        properties.put("camel.server.port", String.valueOf(freePort()));
        properties.put("camel.main.routes-reload-enabled", "false");
        properties.put("camel.main.shutdown-timeout", "1");
        properties.put("quorum.simulator.port", "0");
        properties.put("quorum.ollama.discovery-enabled", "false");
        properties.put("quorum.file.enabled", "false");
        for (String provider : new String[] {"openai", "anthropic", "gemini", "mistral", "groq"}) {
            properties.put("quorum.provider." + provider + ".api-key", "");
        }
        properties.putAll(settings);
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        main.setOverrideProperties(properties);
        main.start();
        return new QuorumInstance(main);
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    ProviderSimulator simulator() {
        return context().getRegistry().lookupByNameAndType("providerSimulator", ProviderSimulator.class);
    }

    @Override
    public void close() {
        main.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
