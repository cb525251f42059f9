package dev.quorum.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import dev.quorum.settings.Settings;
import dev.quorum.settings.TestSettings;
import org.junit.jupiter.api.Test;

class ProviderCatalogTest {

    private static final String P = "quorum.provider.";

    /** The providers of these settings, read as Quorum reads them at start (and checked for unknown keys). */
    private static List<ProviderSpec> parse(Map<String, String> values) {
        Settings settings = TestSettings.of(values, "quorum.provider");
        List<ProviderSpec> specs = ProviderCatalog.from(settings, false);
        settings.requireKnown();
        return specs;
    }

    @Test
    void should_parse_a_provider_with_all_its_settings() {
        // given
        Map<String, String> settings = Map.of(
                P + "x.kind", "openai", P + "x.model", "gpt", P + "x.api-key", "secret-value",
                P + "x.price-input", "0.5", P + "x.price-output", "1.5", P + "x.quality", "0.9",
                P + "x.capabilities", "code, json", P + "x.context-window", "1000", P + "x.timeout-ms", "1500",
                P + "x.max-output-tokens", "64");

        // when
        ProviderSpec spec = parse(settings).get(0);

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
        List<ProviderSpec> specs = parse(
                Map.of(P + "x.kind", "anthropic", P + "x.model", "claude", P + "x.api-key", "{{env:QUORUM_TEST_UNSET_KEY:}}"));

        // then
        assertThat(specs.get(0).enabled()).isFalse();
        assertThat(specs.get(0).disabledReason()).contains("QUORUM_TEST_UNSET_KEY");
    }

    @Test
    void should_let_an_openai_compatible_server_without_declared_key_run() {
        // when
        ProviderSpec spec = parse(Map.of(P + "v.kind", "openai-compatible", P + "v.model", "m",
                P + "v.base-url", "http://127.0.0.1:8000/v1")).get(0);

        // then
        assertThat(spec.enabled()).isTrue();
    }

    @Test
    void should_rank_enabled_providers_by_quality() {
        // given
        List<ProviderSpec> specs = parse(Map.of(
                P + "low.kind", "ollama", P + "low.model", "m", P + "low.quality", "0.2",
                P + "high.kind", "ollama", P + "high.model", "m", P + "high.quality", "0.9",
                P + "off.kind", "ollama", P + "off.model", "m", P + "off.enabled", "false"));

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
        assertThatThrownBy(() -> parse(Map.of(P + "x.kind", "ollama", P + "x.model", "m",
                P + "x.quality", "great")))
                .hasMessage("quorum.provider.x.quality = 'great' is not valid: expected a number from 0 to 1");
    }

    @Test
    void should_reject_a_key_no_provider_has_naming_the_nearest() {
        assertThatThrownBy(() -> parse(Map.of(P + "x.kind", "ollama", P + "x.model", "m", P + "x.qualty", "0.9")))
                .hasMessageStartingWith("quorum.provider.x.qualty is not a setting Quorum knows "
                        + "(did you mean quorum.provider.x.quality?)");
    }
}
