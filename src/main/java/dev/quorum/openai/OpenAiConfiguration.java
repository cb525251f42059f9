package dev.quorum.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/**
 * Binds {@code openAiApi}, the bean behind {@code routes/openai.camel.yaml}, after {@code QuorumConfiguration} has
 * bound the provider catalog and the shared ObjectMapper. {@code quorum.openai.consensus-algorithms} lists the
 * algorithms a {@code quorum/consensus-<algorithm>} model may name.
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
        context.getRegistry().bind("openAiApi", new OpenAiApi(mapper, new OpenAiRequests(catalog::isKnown, algorithms),
                enabled, System.currentTimeMillis() / 1000));
    }
}
