package dev.quorum.consensus;

import dev.quorum.api.CompletionRequest;
import dev.quorum.api.InvalidRequestException;
import dev.quorum.api.QuorumException;
import dev.quorum.camel.ConsensusConstants;
import dev.quorum.camel.RequestConstants;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import dev.quorum.routing.ContextWindows;
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
 *
 * <p>Every member, the strong provider and the judge must hold the request in their context window, estimated as
 * single mode's router does ({@link ContextWindows}). A panel the request names is asked as named, so a member that
 * cannot hold the prompt refuses the request (422 naming {@code prompt}); a configured or automatic panel leaves such
 * members out, saying so in the result's {@code warnings}, and refuses only when no one is left. The judge is checked
 * against its question (the prompt and every member's longest answer), the strong provider against the prompt.
 */
public final class ConsensusPanel {

    private final ProviderCatalog catalog;
    private final ConsensusSettings settings;
    private final Predicate<String> available;
    private final ContextWindows windows;

    /**
     * {@code available} says whether a provider's circuit breaker lets calls through; automatic panels skip it.
     * {@code windows} says whether a request fits a provider's context window.
     */
    public ConsensusPanel(ProviderCatalog catalog, ConsensusSettings settings, Predicate<String> available,
                          ContextWindows windows) {
        this.catalog = catalog;
        this.settings = settings;
        this.available = available;
        this.windows = windows;
    }

    public void select(Exchange exchange) {
        CompletionRequest request = request(exchange);
        List<String> warnings = new ArrayList<>(0);
        List<Need> needs = needs(request);
        List<String> panel;
        if (request.providers() != null) {
            panel = requireFit(request, capable(request, needs, requireEnabled(request.providers()),
                    request.providers().size(), warnings));
        } else if (!settings.panel().isEmpty()) {
            List<String> configured = enabledOnly(settings.panel());
            panel = fitting(request, capable(request, needs, configured, configured.size(), warnings),
                    Integer.MAX_VALUE, warnings);
        } else {
            List<String> automatic = catalog.enabled().stream().map(ProviderSpec::id).filter(available).toList();
            panel = fitting(request, capable(request, needs, automatic, Math.min(settings.panelSize(), automatic.size()),
                    warnings), settings.panelSize(), warnings);
        }
        ConsensusPlan plan = plan(request, panel, warnings);
        if ("verify".equals(plan.algorithm())) {
            // the panel route asks the first generator only; the rest generate in turn if its answer is invalid
            exchange.setVariable(VerifyEnsemble.VAR_GENERATORS, plan.panel());
            plan = ConsensusPlan.of(List.of(plan.panel().get(0)), plan.algorithm(), plan.minAgreement(), 1,
                    plan.timeoutMs(), null, plan.ownTimeout(), plan.warnings());
        }
        setPlan(exchange, plan);
    }

    public void cascade(Exchange exchange) {
        CompletionRequest request = request(exchange);
        String asked = request.algorithm() != null ? request.algorithm() : settings.algorithm();
        if ("verify".equals(asked) || "rank".equals(asked)) {
            throw new InvalidRequestException("algorithm", "algorithm '" + asked + "' works in mode "
                    + "'consensus' only; a cascade votes with majority, weighted, semantic, threshold, judge or fusion");
        }
        List<String> warnings = new ArrayList<>(0);
        List<Need> needs = needs(request);
        List<String> panel;
        if (request.providers() != null) {
            panel = requireFit(request, capable(request, needs, requireEnabled(request.providers()),
                    request.providers().size(), warnings));
        } else if (!settings.cascadePanel().isEmpty()) {
            List<String> configured = enabledOnly(settings.cascadePanel());
            panel = fitting(request, capable(request, needs, configured, configured.size(), warnings),
                    Integer.MAX_VALUE, warnings);
        } else {
            List<String> cheapest = catalog.enabled().stream().filter(spec -> available.test(spec.id()))
                    .sorted(Comparator.comparingDouble((ProviderSpec s) -> s.pricing().inputPerMillion() + s.pricing().outputPerMillion())
                            .thenComparing(Comparator.comparingDouble(ProviderSpec::quality).reversed()))
                    .map(ProviderSpec::id).toList();
            panel = fitting(request, capable(request, needs, cheapest,
                    Math.min(settings.cascadePanelSize(), cheapest.size()), warnings), settings.cascadePanelSize(),
                    warnings);
        }
        String strong = settings.cascadeStrong();
        if (strong != null && catalog.get(strong) != null && catalog.get(strong).enabled()
                && !windows.fits(request, catalog.get(strong))) {
            warnings.add("the strong provider " + strong + " (quorum.consensus.cascade.strong-provider) cannot hold the "
                    + "prompt in its context window (" + catalog.get(strong).contextWindow() + " tokens); another one "
                    + "is asked if the panel splits");
            strong = null;
        }
        if (strong != null && catalog.get(strong) != null && !hasAll(catalog.get(strong), needs)) {
            warnings.add("the strong provider " + strong + " (quorum.consensus.cascade.strong-provider) lacks a "
                    + "capability the request needs; another one is asked if the panel splits");
            strong = null;
        }
        if (strong == null || catalog.get(strong) == null || !catalog.get(strong).enabled()) {
            List<ProviderSpec> fitting = catalog.enabled().stream().filter(spec -> windows.fits(request, spec)).toList();
            List<ProviderSpec> fit = fitting.stream().filter(spec -> hasAll(spec, needs)).toList();
            if (fit.isEmpty() && !fitting.isEmpty()) {
                Need need = needs.get(0);
                throw new QuorumException("no_provider_fits", 422, need.field(), "the request needs the capability '"
                        + need.capability() + "' (" + need.why() + "), and no enabled provider to escalate to has "
                        + "every capability it needs (quorum.provider.<id>.capabilities)");
            }
            strong = fit.stream().map(ProviderSpec::id).filter(id -> !panel.contains(id)).filter(available).findFirst()
                    .orElse(fit.isEmpty() ? null : fit.get(0).id());
        }
        if (strong == null) {
            if (catalog.enabled().isEmpty()) {
                throw noProviders();
            }
            throw doesNotFit(request, catalog.enabled(), "no enabled provider can hold it to escalate to");
        }
        setPlan(exchange, plan(request, panel, warnings));
        exchange.setVariable(ConsensusConstants.VAR_STRONG_PROVIDER, strong);
    }

    /** A capability every member must have for this request, the request field that needs it, and why. */
    private record Need(String capability, String field, String why) {
    }

    /**
     * What the request needs of every member: the capabilities it names, {@code vision} for images in its messages,
     * {@code json} for a JSON response format (as single mode's router asks of its providers).
     */
    private static List<Need> needs(CompletionRequest request) {
        List<Need> needs = new ArrayList<>(0);
        if (request.capabilities() != null) {
            for (String capability : request.capabilities()) {
                needs.add(new Need(capability, "capabilities", "'capabilities' asks for it"));
            }
        }
        if (request.chat() != null && request.chat().hasImages()) {
            needs.add(new Need("vision", "messages", "the messages hold images"));
        }
        if (request.chat() != null && request.chat().jsonMode()) {
            needs.add(new Need("json", "responseFormat", "responseFormat asks for JSON"));
        }
        return needs;
    }

    /**
     * The candidates that have every capability the request needs; those left out are named in {@code warnings}.
     * When fewer remain than the panel's quorum ({@code quorum}, else quorum.consensus.quorum, at most
     * {@code sizeAsked}, the panel it would have been) the request is refused with a 422 naming the capability.
     */
    private List<String> capable(CompletionRequest request, List<Need> needs, List<String> candidates, int sizeAsked,
                                 List<String> warnings) {
        if (needs.isEmpty()) {
            return candidates;
        }
        List<String> kept = new ArrayList<>(candidates.size());
        List<String> leftOut = new ArrayList<>(0);
        Need first = null;
        for (String id : candidates) {
            ProviderSpec spec = catalog.get(id);
            List<String> missing = new ArrayList<>(0);
            for (Need need : needs) {
                if (!spec.capabilities().contains(need.capability())) {
                    missing.add(need.capability());
                    first = first == null ? need : first;
                }
            }
            if (missing.isEmpty()) {
                kept.add(id);
            } else {
                leftOut.add(id + " (no " + String.join(", no ", missing) + ")");
            }
        }
        if (leftOut.isEmpty()) {
            return kept;
        }
        int quorum = request.quorum() != null ? request.quorum() : Math.max(1, Math.min(settings.quorum(), sizeAsked));
        if (kept.size() < quorum) {
            throw new QuorumException("no_provider_fits", 422, first.field(), "the request needs the capability '"
                    + first.capability() + "' (" + first.why() + ", quorum.provider.<id>.capabilities); "
                    + (kept.isEmpty() ? "no member" : "only " + kept.size() + " (" + String.join(", ", kept) + ")")
                    + " of the panel has every capability it needs, fewer than its quorum of " + quorum
                    + "; left out: " + String.join(", ", leftOut));
        }
        warnings.add("left out of the panel, as they lack a capability the request needs: " + String.join(", ", leftOut));
        return kept;
    }

    private static boolean hasAll(ProviderSpec spec, List<Need> needs) {
        for (Need need : needs) {
            if (!spec.capabilities().contains(need.capability())) {
                return false;
            }
        }
        return true;
    }

    /** A panel the request names: every member must hold the prompt, or the request is refused. */
    private List<String> requireFit(CompletionRequest request, List<String> panel) {
        List<ProviderSpec> tooSmall = panel.stream().map(catalog::get).filter(spec -> !windows.fits(request, spec)).toList();
        if (!tooSmall.isEmpty()) {
            throw doesNotFit(request, tooSmall, "leave " + (tooSmall.size() == 1 ? "it" : "them")
                    + " out of 'providers' or shorten the prompt");
        }
        return panel;
    }

    /**
     * The first {@code size} of {@code candidates} that hold the prompt; those passed over on the way are named in
     * {@code warnings}. None left of several candidates refuses the request; no candidates at all is left to
     * {@link #plan} (no provider).
     */
    private List<String> fitting(CompletionRequest request, List<String> candidates, int size, List<String> warnings) {
        List<String> panel = new ArrayList<>(Math.min(size, candidates.size()));
        List<ProviderSpec> tooSmall = new ArrayList<>(0);
        for (String id : candidates) {
            if (panel.size() >= size) {
                break;
            }
            ProviderSpec spec = catalog.get(id);
            if (windows.fits(request, spec)) {
                panel.add(id);
            } else {
                tooSmall.add(spec);
            }
        }
        if (panel.isEmpty() && !tooSmall.isEmpty()) {
            throw doesNotFit(request, tooSmall, "shorten the prompt or system message");
        }
        if (!tooSmall.isEmpty()) {
            warnings.add("left out of the panel, as the prompt (about " + windows.promptTokens(request)
                    + " tokens) and its answer do not fit their context window: " + describe(tooSmall));
        }
        return panel;
    }

    private QuorumException doesNotFit(CompletionRequest request, List<ProviderSpec> specs, String advice) {
        return new QuorumException("no_provider_fits", 422, "prompt", "the prompt and system message (about "
                + windows.promptTokens(request) + " tokens) and the answer do not fit the context window of "
                + describe(specs) + "; " + advice);
    }

    private static String describe(List<ProviderSpec> specs) {
        StringBuilder text = new StringBuilder();
        for (ProviderSpec spec : specs) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(spec.id()).append(" (").append(spec.contextWindow()).append(" tokens)");
        }
        return text.toString();
    }

    private static void setPlan(Exchange exchange, ConsensusPlan plan) {
        exchange.setVariable(ConsensusConstants.VAR_CONSENSUS_PLAN, plan);
        exchange.setVariable(ConsensusConstants.VAR_PANEL_RECIPIENTS, plan.recipients());
        exchange.setVariable(ConsensusConstants.VAR_PANEL_OWN_TIMEOUT, plan.ownTimeout());
    }

    private ConsensusPlan plan(CompletionRequest request, List<String> panel, List<String> warnings) {
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
        String judge = "judge".equals(algorithm) || "rank".equals(algorithm) ? judge(request, panel) : null;
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
                timeoutMs, judge, timeoutMs != settings.timeoutMs(), warnings);
    }

    /**
     * The judge: {@code quorum.consensus.judge}, else the first enabled provider that can hold its question. The
     * question is the prompt with every member's answer, so it is estimated with each member's most output tokens.
     */
    private String judge(CompletionRequest request, List<String> panel) {
        long question = (request.prompt().length() + JudgeVote.SYSTEM.length() + 400L) / 4;
        for (String member : panel) {
            question += windows.outputTokens(request, catalog.get(member));
        }
        long tokens = question;
        String configured = settings.judge();
        if (configured == null) {
            return catalog.enabled().stream().filter(spec -> windows.fits(tokens, request, spec)).map(ProviderSpec::id)
                    .findFirst().orElseThrow(() -> judgeDoesNotFit(tokens, catalog.enabled()));
        }
        ProviderSpec spec = catalog.get(configured);
        if (spec == null || !spec.enabled()) {
            throw new QuorumException("judge_unavailable", 503, "algorithm", "the judge provider '" + configured
                    + "' (quorum.consensus.judge) is not enabled; choose another algorithm or judge");
        }
        if (!windows.fits(tokens, request, spec)) {
            throw judgeDoesNotFit(tokens, List.of(spec));
        }
        return configured;
    }

    private static QuorumException judgeDoesNotFit(long tokens, List<ProviderSpec> specs) {
        return new QuorumException("no_provider_fits", 422, "prompt", "the judge's question (the prompt and every "
                + "panel member's answer, about " + tokens + " tokens) and its reply do not fit the context window of "
                + (specs.isEmpty() ? "any provider" : describe(specs)) + "; shorten the prompt, lower maxTokens or "
                + "choose another algorithm");
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
        return exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
    }
}
