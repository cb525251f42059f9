package dev.quorum.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderCatalogTest {

    private static final String P = "quorum.provider.";

    @Test
    void should_parse_a_provider_with_all_its_settings() {
        // given
        Map<String, String> settings = Map.of(
                P + "x.kind", "openai", P + "x.model", "gpt", P + "x.api-key", "secret-value",
                P + "x.price-input", "0.5", P + "x.price-output", "1.5", P + "x.quality", "0.9",
                P + "x.capabilities", "code, json", P + "x.context-window", "1000", P + "x.timeout-ms", "1500",
                P + "x.max-output-tokens", "64");

        // when
        ProviderSpec spec = ProviderCatalog.parse(P, settings, Map.of(), false).get(0);

        // then
        assertThat(spec.enabled()).isTrue();
        assertThat(spec.kind()).isEqualTo(ProviderKind.OPENAI);
        assertThat(spec.pricing().cost(1_000_000, 2_000_000)).isEqualTo(3.5);
        assertThat(spec.capabilities()).containsExactlyInAnyOrder("code", "json");
        assertThat(spec.contextWindow()).isEqualTo(1000);
        assertThat(spec.timeout().toMillis()).isEqualTo(1500);
        assertThat(spec.maxOutputTokens()).isEqualTo(64);
        assertThat(spec.toString()).doesNotContain("secret-value");
    }

    @Test
    void should_disable_a_keyless_provider_naming_its_environment_variable() {
        // when
        List<ProviderSpec> specs = ProviderCatalog.parse(P,
                Map.of(P + "x.kind", "anthropic", P + "x.model", "claude", P + "x.api-key", ""),
                Map.of(P + "x.api-key", "{{env:MY_KEY:}}"), false);

        // then
        assertThat(specs.get(0).enabled()).isFalse();
        assertThat(specs.get(0).disabledReason()).contains("MY_KEY");
    }

    @Test
    void should_let_an_openai_compatible_server_without_declared_key_run() {
        // when
        ProviderSpec spec = ProviderCatalog.parse(P, Map.of(P + "v.kind", "openai-compatible", P + "v.model", "m",
                P + "v.base-url", "http://127.0.0.1:8000/v1"), Map.of(), false).get(0);

        // then
        assertThat(spec.enabled()).isTrue();
    }

    @Test
    void should_rank_enabled_providers_by_quality() {
        // given
        List<ProviderSpec> specs = ProviderCatalog.parse(P, Map.of(
                P + "low.kind", "ollama", P + "low.model", "m", P + "low.quality", "0.2",
                P + "high.kind", "ollama", P + "high.model", "m", P + "high.quality", "0.9",
                P + "off.kind", "ollama", P + "off.model", "m", P + "off.enabled", "false"), Map.of(), false);

        // when
        ProviderCatalog catalog = new ProviderCatalog(specs);

        // then
        assertThat(catalog.enabled()).extracting(ProviderSpec::id).containsExactly("high", "low");
        assertThat(catalog.isKnown("off")).isTrue();
        assertThat(catalog.get("off").disabledReason()).contains("enabled=false");
    }

    @Test
    void should_reject_a_setting_that_is_not_a_number() {
        // then
        assertThatThrownBy(() -> ProviderCatalog.parse(P, Map.of(P + "x.kind", "ollama", P + "x.model", "m",
                P + "x.quality", "great"), Map.of(), false))
                .hasMessageContaining("quorum.provider.x.quality must be a number");
    }
}
