package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import dev.quorum.provider.ApiKey;
import dev.quorum.provider.Pricing;
import dev.quorum.provider.ProviderKind;
import dev.quorum.provider.ProviderSpec;
import dev.quorum.settings.TestSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Prices per token class, how a provider's price is resolved, and the one boundary rule, on the beans alone.
 */
class PricingTest {

    @Test
    void should_price_cached_and_reasoning_tokens_at_their_own_prices() {
        // given: OpenAI counts 400 cached tokens inside 1000 input and 300 reasoning tokens inside 500 output
        TokenUsage usage = OpenAiTokenUsage.builder().inputTokenCount(1000).outputTokenCount(500).totalTokenCount(1500)
                .inputTokensDetails(OpenAiTokenUsage.InputTokensDetails.builder().cachedTokens(400).build())
                .outputTokensDetails(OpenAiTokenUsage.OutputTokensDetails.builder().reasoningTokens(300).build())
                .build();
        ModelPrice price = new ModelPrice(1.00, 4.00, 0.25, 8.00);

        // when
        TokenClasses tokens = TokenClasses.of(usage);

        // then: 600 × 1.00 + 400 × 0.25 + 200 × 4.00 + 300 × 8.00 per million
        assertThat(tokens).isEqualTo(new TokenClasses(600, 400, 200, 300));
        assertThat(price.costNanos(tokens)).isEqualTo(1000L * (600 + 100 + 800 + 2400));
    }

    @Test
    void should_add_anthropic_cache_reads_next_to_its_input_tokens() {
        // given
        TokenUsage usage = AnthropicTokenUsage.builder().inputTokenCount(100).outputTokenCount(50)
                .cacheReadInputTokens(900).cacheCreationInputTokens(20).build();

        // when
        TokenClasses tokens = TokenClasses.of(usage);

        // then
        assertThat(tokens).isEqualTo(new TokenClasses(120, 900, 50, 0));
        assertThat(new ModelPrice(1.00, 5.00, 0.10, 5.00).costNanos(tokens)).isEqualTo(120_000 + 90_000 + 250_000);
    }

    @Test
    void should_resolve_provider_then_configured_then_built_in_prices_and_leave_unknown_ones_unknown() {
        // given
        List<ProviderSpec> specs = List.of(spec("own", ProviderKind.OPENAI, "gpt-4o-mini"),
                spec("listed", ProviderKind.OPENAI, "gpt-4o-mini-2024-07-18"),
                spec("configured", ProviderKind.MISTRAL, "my-model.v2"),
                spec("local", ProviderKind.OLLAMA, "llama3.2"),
                spec("mystery", ProviderKind.OPENAI_COMPATIBLE, "mystery-1"));

        // when
        PriceTable prices = new PriceTable(PriceTable.resolve(specs, Map.of("own", new Double[] {0.20, null}),
                Map.of("my-model.v2", Map.of("input", 0.5, "output", 1.5, "cached-input", 0.05))));

        // then
        assertThat(prices.price("own")).isEqualTo(new ModelPrice(0.20, 0.60, 0.075, 0.60));
        assertThat(prices.price("listed")).isEqualTo(PriceTable.DEFAULTS.get("gpt-4o-mini"));
        assertThat(prices.price("configured")).isEqualTo(new ModelPrice(0.5, 1.5, 0.05, 1.5));
        assertThat(prices.price("local")).isEqualTo(ModelPrice.FREE);
        assertThat(prices.price("mystery")).isNull();
    }

    @Test
    void should_allow_reaching_a_limit_exactly_and_refuse_passing_it_by_one_nano_dollar() {
        // given
        Budget budget = new Budget("b", Budget.Scope.GLOBAL, null, Period.DAY, 1_000, Budget.Policy.REJECT, List.of(50));

        // then
        assertThat(budget.fits(600, 400)).isTrue();
        assertThat(budget.fits(600, 401)).isFalse();
        assertThat(budget.fits(1_000, 0)).isTrue();
    }

    @Test
    void should_apply_a_budget_to_its_scope_only() {
        // given
        Budget global = new Budget("g", Budget.Scope.GLOBAL, null, Period.DAY, 1, Budget.Policy.REJECT, List.of());
        Budget openai = new Budget("o", Budget.Scope.PROVIDER, "openai", Period.DAY, 1, Budget.Policy.REJECT, List.of());
        Budget eachProvider = new Budget("p", Budget.Scope.PROVIDER, null, Period.DAY, 1, Budget.Policy.REJECT, List.of());
        Budget acme = new Budget("a", Budget.Scope.TENANT, "acme", Period.DAY, 1, Budget.Policy.REJECT, List.of());
        Budget eachTenant = new Budget("t", Budget.Scope.TENANT, null, Period.DAY, 1, Budget.Policy.REJECT, List.of());

        // then: the subject a call counts under, or null when the budget does not apply
        assertThat(global.subject("mistral", "globex")).isEqualTo("*");
        assertThat(openai.subject("openai", "globex")).isEqualTo("openai");
        assertThat(openai.subject("mistral", "globex")).isNull();
        assertThat(eachProvider.subject("mistral", "globex")).isEqualTo("mistral");
        assertThat(acme.subject("openai", "acme")).isEqualTo("acme");
        assertThat(acme.subject("openai", "globex")).isNull();
        assertThat(eachTenant.subject("openai", "globex")).isEqualTo("globex");
    }

    @Test
    void should_convert_nano_dollars_exactly() {
        assertThat(Money.usd(30_999)).isEqualTo(0.000030999);
        assertThat(Money.nanos(0.000030999)).isEqualTo(30_999);
        assertThat(Money.usd(Money.nanos(123.456789012))).isEqualTo(123.456789012);
    }

    @Test
    void should_count_periods_in_utc_calendar_days_and_months() {
        // given
        Instant now = Instant.parse("2026-02-28T23:59:59Z");

        // then
        assertThat(Period.DAY.key(now)).isEqualTo("2026-02-28");
        assertThat(Period.DAY.end(now)).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(Period.MONTH.key(now)).isEqualTo("2026-02");
        assertThat(Period.MONTH.start(now)).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(Period.MONTH.end(now)).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void should_read_budgets_with_defaults_and_name_a_bad_setting() {
        // when
        List<Budget> budgets = budgets(Map.of(
                "quorum.budget.default-thresholds", "80",
                "quorum.budget.team.scope", "tenant",
                "quorum.budget.team.limit-usd", "2.5",
                "quorum.budget.team.policy", "downgrade"));

        // then
        assertThat(budgets).containsExactly(new Budget("team", Budget.Scope.TENANT, null, Period.MONTH,
                2_500_000_000L, Budget.Policy.DOWNGRADE, List.of(80)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> budgets(Map.of(
                        "quorum.budget.x.limit-usd", "1", "quorum.budget.x.policy", "maybe")))
                .hasMessageContaining("quorum.budget.x.policy");
    }

    /** The budgets of these settings, read as Quorum reads them at start. */
    private static List<Budget> budgets(Map<String, String> values) {
        return BudgetConfiguration.budgets(TestSettings.of(values, "quorum.budget"));
    }

    private static ProviderSpec spec(String id, ProviderKind kind, String model) {
        return new ProviderSpec(id, kind, model, null, ApiKey.of("k"), new Pricing(0, 0), 0.5, Set.of(), 8192,
                Duration.ofSeconds(10), null, false, null);
    }
}
