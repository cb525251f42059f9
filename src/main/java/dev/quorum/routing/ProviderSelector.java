package dev.quorum.routing;

import dev.quorum.api.CompletionRequest;
import dev.quorum.api.QuorumException;
import dev.quorum.camel.ProviderConstants;
import dev.quorum.camel.RequestConstants;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import org.apache.camel.Exchange;

/**
 * Answers "which provider serves this single-mode request?": the one the request names, else the configured
 * default, else the best enabled provider by quality. It only names the provider (the {@code provider} variable);
 * the route sends the request there.
 */
public final class ProviderSelector {

    private final ProviderCatalog catalog;
    private final String defaultProvider;

    public ProviderSelector(ProviderCatalog catalog, String configuredDefault) {
        this.catalog = catalog;
        ProviderSpec configured = configuredDefault == null || configuredDefault.isBlank() ? null : catalog.get(configuredDefault.trim());
        if (configured != null && configured.enabled()) {
            this.defaultProvider = configured.id();
        } else {
            this.defaultProvider = catalog.enabled().isEmpty() ? null : catalog.enabled().get(0).id();
        }
    }

    public String defaultProvider() {
        return defaultProvider;
    }

    public void single(Exchange exchange) {
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        String id = request.provider() != null ? request.provider() : defaultProvider;
        if (id == null) {
            throw new QuorumException("no_provider", 503, null, "no provider is enabled: set a provider API key such as "
                    + "OPENAI_API_KEY, or enable the simulator (quorum.simulator.enabled=auto)");
        }
        ProviderSpec spec = catalog.get(id);
        if (!spec.enabled()) {
            throw new QuorumException("provider_disabled", 503, "provider", "provider '" + id + "' is disabled: "
                    + spec.disabledReason());
        }
        exchange.setVariable(ProviderConstants.VAR_PROVIDER, id);
    }
}
