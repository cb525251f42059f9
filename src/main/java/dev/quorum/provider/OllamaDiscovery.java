package dev.quorum.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the models of an Ollama server ({@code GET /api/tags}) and turns each into a provider
 * {@code ollama-<model>}, so a developer with Ollama running gets local models without configuring them. An
 * unreachable server is normal (most machines have none) and yields no providers.
 */
public final class OllamaDiscovery {

    private final ObjectMapper mapper;
    private final Duration connectTimeout;

    public OllamaDiscovery(ObjectMapper mapper, Duration connectTimeout) {
        this.mapper = mapper;
        this.connectTimeout = connectTimeout;
    }

    /** The discovered providers, or an empty list when no Ollama answers at {@code baseUrl}. */
    public List<ProviderSpec> discover(String baseUrl, double quality, Duration callTimeout) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        JsonNode tags;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/tags"))
                    .timeout(connectTimeout.multipliedBy(2)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return List.of();
            }
            tags = mapper.readTree(response.body());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }
        List<ProviderSpec> specs = new ArrayList<>();
        for (JsonNode model : tags.path("models")) {
            String name = model.path("name").asText(model.path("model").asText(""));
            if (name.isBlank()) {
                continue;
            }
            String id = "ollama-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            specs.add(new ProviderSpec(id, ProviderKind.OLLAMA, name, base, ApiKey.none(), Pricing.FREE, quality,
                    Set.of("local"), 8192, callTimeout, null, false, null));
        }
        return specs;
    }
}
