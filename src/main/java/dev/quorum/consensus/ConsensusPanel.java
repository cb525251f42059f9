package dev.quorum.consensus;

import dev.quorum.QuorumHeaders;
import dev.quorum.api.CompletionRequest;
import dev.quorum.api.InvalidRequestException;
import dev.quorum.api.QuorumException;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.camel.Exchange;

/**
 * Chooses who is asked: for consensus the request's {@code providers}, else the configured default panel, else the
 * top-N enabled providers by quality; for a cascade the request's providers, else the configured cheap panel, else
 * the N cheapest enabled providers, plus the strong provider it escalates to. Automatic choices skip providers whose
 * circuit breaker is open; a panel the request or configuration names is asked as named. Sets the {@code consensusPlan}
 * variable the panel route reads.
 */
public final class ConsensusPanel {

    private final ProviderCatalog catalog;
    private final ConsensusSettings settings;
    private final Predicate<String> available;

    /** {@code available} says whether a provider's circuit breaker lets calls through; automatic panels skip it. */
    public ConsensusPanel(ProviderCatalog catalog, ConsensusSettings settings, Predicate<String> available) {
        this.catalog = catalog;
        this.settings = settings;
        this.available = available;
    }

    public void select(Exchange exchange) {
        CompletionRequest request = request(exchange);
        List<String> panel;
        if (request.providers() != null) {
            panel = requireEnabled(request.providers());
        } else if (!settings.panel().isEmpty()) {
            panel = enabledOnly(settings.panel());
        } else {
            panel = catalog.enabled().stream().map(ProviderSpec::id).filter(available).limit(settings.panelSize()).toList();
        }
        setPlan(exchange, plan(request, panel));
    }

    public void cascade(Exchange exchange) {
        CompletionRequest request = request(exchange);
        List<String> panel;
        if (request.providers() != null) {
            panel = requireEnabled(request.providers());
        } else if (!settings.cascadePanel().isEmpty()) {
            panel = enabledOnly(settings.cascadePanel());
        } else {
            panel = catalog.enabled().stream().filter(spec -> available.test(spec.id()))
                    .sorted(Comparator.comparingDouble((ProviderSpec s) -> s.pricing().inputPerMillion() + s.pricing().outputPerMillion())
                            .thenComparing(Comparator.comparingDouble(ProviderSpec::quality).reversed()))
                    .limit(settings.cascadePanelSize()).map(ProviderSpec::id).toList();
        }
        String strong = settings.cascadeStrong();
        if (strong == null || catalog.get(strong) == null || !catalog.get(strong).enabled()) {
            strong = catalog.enabled().stream().map(ProviderSpec::id).filter(id -> !panel.contains(id))
                    .filter(available).findFirst()
                    .orElse(catalog.enabled().isEmpty() ? null : catalog.enabled().get(0).id());
        }
        if (strong == null) {
            throw noProviders();
        }
        setPlan(exchange, plan(request, panel));
        exchange.setVariable(QuorumHeaders.VAR_STRONG_PROVIDER, strong);
    }

    private static void setPlan(Exchange exchange, ConsensusPlan plan) {
        exchange.setVariable(QuorumHeaders.VAR_CONSENSUS_PLAN, plan);
        exchange.setVariable(QuorumHeaders.VAR_PANEL_RECIPIENTS, plan.recipients());
        exchange.setVariable(QuorumHeaders.VAR_PANEL_OWN_TIMEOUT, plan.ownTimeout());
    }

    private ConsensusPlan plan(CompletionRequest request, List<String> panel) {
        if (panel.isEmpty()) {
            throw noProviders();
        }
        String algorithm = request.algorithm() != null ? request.algorithm() : settings.algorithm();
        int quorum;
        if (request.quorum() != null) {
            if (request.quorum() > panel.size()) {
                throw new InvalidRequestException("quorum", "'quorum' is " + request.quorum() + " but the panel has only "
                        + panel.size() + " providers (" + String.join(", ", panel) + ")");
            }
            quorum = request.quorum();
        } else {
            quorum = Math.min(settings.quorum(), panel.size());
        }
        String judge = null;
        if ("judge".equals(algorithm)) {
            judge = settings.judge();
            if (judge == null) {
                judge = catalog.enabled().get(0).id();
            } else if (catalog.get(judge) == null || !catalog.get(judge).enabled()) {
                throw new QuorumException("judge_unavailable", 503, "algorithm", "the judge provider '" + judge
                        + "' (quorum.consensus.judge) is not enabled; choose another algorithm or judge");
            }
        }
        long timeoutMs = settings.timeoutMs();
        if (request.timeoutMs() != null) {
            if (request.timeoutMs() > settings.maxTimeoutMs()) {
                throw new InvalidRequestException("timeoutMs", "'timeoutMs' is " + request.timeoutMs() + " but a panel may "
                        + "take at most " + settings.maxTimeoutMs() + " ms (quorum.consensus.max-timeout-ms)");
            }
            timeoutMs = request.timeoutMs();
        }
        return ConsensusPlan.of(panel, algorithm,
                request.minAgreement() != null ? request.minAgreement() : settings.minAgreement(), quorum,
                timeoutMs, judge, timeoutMs != settings.timeoutMs());
    }

    private List<String> requireEnabled(List<String> ids) {
        List<String> panel = new ArrayList<>(ids.size());
        for (String id : ids) {
            ProviderSpec spec = catalog.get(id);
            if (!spec.enabled()) {
                throw new InvalidRequestException("providers", "provider '" + id + "' is disabled: " + spec.disabledReason());
            }
            if (!panel.contains(id)) {
                panel.add(id);
            }
        }
        return panel;
    }

    private List<String> enabledOnly(List<String> ids) {
        return ids.stream().filter(id -> catalog.get(id) != null && catalog.get(id).enabled()).distinct().toList();
    }

    private static QuorumException noProviders() {
        return new QuorumException("no_provider", 503, null, "no enabled provider is available for a panel; "
                + "GET /api/v1/providers says why each one is disabled");
    }

    private static CompletionRequest request(Exchange exchange) {
        return exchange.getVariable(QuorumHeaders.VAR_REQUEST, CompletionRequest.class);
    }
}
