package dev.quorum.provider;

import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The settings every {@link ChatModelFactory} gives both of its LangChain4j builders the same way: the HTTP client
 * ({@link ApacheHttpClient}; this is the one place that makes its builder), the base URL (the spec's, else the given
 * default, else the library's own), the model name, the key when the provider takes one, the timeout and, for the
 * blocking model, no retries of LangChain4j's own (the routes retry). The provider builders share no type, so each factory passes its builder's setters.
 */
record ModelSettings(ProviderSpec spec, String apiKey, String defaultBaseUrl) {

    /** The settings of a provider that takes a key and has no base URL of Quorum's choosing. */
    static ModelSettings of(ProviderSpec spec, String apiKey) {
        return new ModelSettings(spec, apiKey, null);
    }

    /** Sets the common settings of a blocking model, with LangChain4j's retries switched off. */
    void applyTo(Consumer<HttpClientBuilder> httpClient, Consumer<String> baseUrl, Consumer<String> model,
                 Consumer<String> key, Consumer<Duration> timeout, Consumer<Integer> maxRetries) {
        applyTo(httpClient, baseUrl, model, key, timeout);
        maxRetries.accept(0);
    }

    /** Sets the common settings of a streaming model (LangChain4j's streaming models never retry). */
    void applyTo(Consumer<HttpClientBuilder> httpClient, Consumer<String> baseUrl, Consumer<String> model,
                 Consumer<String> key, Consumer<Duration> timeout) {
        httpClient.accept(ApacheHttpClient.builder());
        String url = spec.baseUrl() != null ? spec.baseUrl() : defaultBaseUrl;
        if (url != null) {
            baseUrl.accept(url);
        }
        model.accept(spec.model());
        if (key != null) {
            key.accept(apiKey);
        }
        timeout.accept(spec.timeout());
    }
}
