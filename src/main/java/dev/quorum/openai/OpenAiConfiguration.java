package dev.quorum.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.quorum.Steps;
import dev.quorum.api.RequestParser;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderStreams;
import dev.quorum.provider.ProviderSpec;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/**
 * Binds {@code openAiApi}, the bean behind {@code routes/openai.camel.yaml}, after {@code QuorumConfiguration} has
 * bound the provider catalog and the shared ObjectMapper, and {@code providerStreams} with every enabled provider's
 * streaming model ({@code <id>StreamingChatModel}) for {@code stream: true}. {@code quorum.openai.consensus-algorithms}
 * lists the algorithms a {@code quorum/consensus-<algorithm>} model may name.
 */
public final class OpenAiConfiguration implements CamelConfiguration {

    static final String DEFAULT_ALGORITHMS = "majority,weighted,semantic,threshold,judge,fusion";

    @Override
    public void configure(CamelContext context) throws Exception {
        ProviderCatalog catalog = context.getRegistry().lookupByNameAndType("providerCatalog", ProviderCatalog.class);
        ObjectMapper mapper = context.getRegistry().lookupByNameAndType("quorumObjectMapper", ObjectMapper.class);
        String configured = context.getPropertiesComponent().resolveProperty("quorum.openai.consensus-algorithms")
                .filter(value -> !value.isBlank()).orElse(DEFAULT_ALGORITHMS);
        List<String> algorithms = Arrays.stream(configured.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
        List<ProviderSpec> enabled = catalog.enabled().stream().sorted(Comparator.comparing(ProviderSpec::id)).toList();
        // token streaming: one streaming client per enabled provider, used by the provider routes for stream: true
        Map<String, StreamingChatModel> streaming = ProviderStreams.models(catalog);
        Registry registry = context.getRegistry();
        streaming.forEach((id, model) -> registry.bind(catalog.get(id).streamingChatModelBean(), model));
        ProviderStreams streams = new ProviderStreams(catalog, streaming);
        Steps.bind(registry, "providerStreams", streams)
                .step("stream", streams::stream);
        RequestParser parser = context.getRegistry().lookupByNameAndType("requestParser", RequestParser.class);
        OpenAiApi api = new OpenAiApi(mapper, parser.json(), new OpenAiRequests(catalog::isKnown, algorithms), enabled,
                System.currentTimeMillis() / 1000);
        Steps.bind(registry, "openAiApi", api)
                .step("accept", api::accept)
                .step("endStream", api::endStream)
                .step("events", api::events)
                .step("json", api::json)
                .step("internalError", api::internalError)
                .step("models", api::models)
                .step("model", api::model);
    }
}
