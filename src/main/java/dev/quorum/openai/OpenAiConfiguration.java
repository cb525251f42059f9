package dev.quorum.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.api.RequestParser;
import dev.quorum.camel.Steps;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/**
 * Binds {@code openAiApi}, the bean behind {@code routes/openai.camel.yaml}, after the engine has bound the provider
 * catalog, the shared ObjectMapper and {@code providerStreams} (every enabled provider's streaming model for
 * {@code stream: true}). {@code quorum.openai.consensus-algorithms}
 * lists the algorithms a {@code quorum/consensus-<algorithm>} model may name.
 */
public final class OpenAiConfiguration implements CamelConfiguration {

    static final String DEFAULT_ALGORITHMS = "majority,weighted,semantic,threshold,judge,fusion,verify,rank";

    @Override
    public void configure(CamelContext context) throws Exception {
        ProviderCatalog catalog = context.getRegistry().lookupByNameAndType("providerCatalog", ProviderCatalog.class);
        ObjectMapper mapper = context.getRegistry().lookupByNameAndType("quorumObjectMapper", ObjectMapper.class);
        String configured = context.getPropertiesComponent().resolveProperty("quorum.openai.consensus-algorithms")
                .filter(value -> !value.isBlank()).orElse(DEFAULT_ALGORITHMS);
        List<String> algorithms = Arrays.stream(configured.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
        List<ProviderSpec> enabled = catalog.enabled().stream().sorted(Comparator.comparing(ProviderSpec::id)).toList();
        // token streaming (providerStreams, one streaming client per enabled provider) is the engine's: the provider
        // routes stream to the caller for stream: true (dev.quorum.component.QuorumEngine binds it)
        Registry registry = context.getRegistry();
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
