package dev.quorum.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.api.ErrorInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which settings hold secrets, and how {@link Secrets#redact} masks values and written-out credentials. */
class SecretsTest {

    @Test
    void should_take_every_key_and_password_setting_and_nothing_else() {
        // when
        Secrets secrets = Secrets.fromSettings(Map.of(
                "quorum.provider.openai.api-key", "sk-openai-0123456789",
                "quorum.simulator.provider.x.api-key", "sim-key-0123456789",
                "quorum.auth.keys.acme.key", "acme-caller-key-42",
                "quorum.ledger.jdbc-password", "ledger-pass-99",
                "quorum.console.password", "console-pass-77",
                "quorum.provider.groq.api-key", "",
                "quorum.provider.openai.model", "gpt-4o-mini-long-name",
                "quorum.budget.assumed-output-tokens", "1024",
                "quorum.auth.keys.acme.tenant", "acme-corp-tenant",
                "camel.server.password", "not-quorums-setting"));

        // then
        assertThat(secrets.size()).isEqualTo(5);
        assertThat(secrets.redact("a sk-openai-0123456789 b sim-key-0123456789 c acme-caller-key-42 d ledger-pass-99 "
                + "e console-pass-77 f gpt-4o-mini-long-name acme-corp-tenant not-quorums-setting"))
                .isEqualTo("a [redacted] b [redacted] c [redacted] d [redacted] e [redacted] f gpt-4o-mini-long-name "
                        + "acme-corp-tenant not-quorums-setting");
    }

    @Test
    void should_mask_a_long_key_anywhere_and_a_short_key_only_where_it_stands_alone() {
        // given
        Secrets secrets = Secrets.of(List.of("sk-ABCDEFGH12345", "k3y9"));

        // then: the long key also inside a word or cut into a URL; the short one not inside longer words or numbers
        assertThat(secrets.redact("token=xsk-ABCDEFGH12345y and /v1?k=sk-ABCDEFGH12345&x=1"))
                .isEqualTo("token=x[redacted]y and /v1?k=[redacted]&x=1");
        assertThat(secrets.redact("key k3y9, \"k3y9\" (k3y9) but not k3y99, ak3y9 or k3y9-x"))
                .isEqualTo("key [redacted], \"[redacted]\" ([redacted]) but not k3y99, ak3y9 or k3y9-x");
        assertThat(secrets.redact(null)).isNull();
        assertThat(secrets.redact("nothing secret here")).isEqualTo("nothing secret here");
    }

    @Test
    void should_mask_credentials_written_out_whatever_their_value() {
        // given: no configured values at all
        Secrets secrets = Secrets.of(List.of());

        // then
        assertThat(secrets.redact("Authorization: Bearer eyJhbGciOi.J9x, next")).isEqualTo(
                "Authorization: Bearer [redacted], next");
        assertThat(secrets.redact("x-api-key: ant-123 and X-Goog-Api-Key=AIza99")).isEqualTo(
                "x-api-key: [redacted] and X-Goog-Api-Key=[redacted]");
        assertThat(secrets.redact("{\"api_key\": \"abc123\", \"apiKey\":\"def\"}")).isEqualTo(
                "{\"api_key\": \"[redacted]\", \"apiKey\":\"[redacted]\"}");
        assertThat(secrets.redact("GET /v1beta/models/m:generateContent?key=AIzaSy_x-1&alt=sse")).isEqualTo(
                "GET /v1beta/models/m:generateContent?key=[redacted]&alt=sse");
        // Quorum's own help text and ordinary words stay as they are; masking twice changes nothing
        assertThat(secrets.redact("send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'; monkey=1"))
                .isEqualTo("send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'; monkey=1");
        assertThat(secrets.redact("Bearer [redacted]")).isEqualTo("Bearer [redacted]");
    }

    @Test
    void should_mask_redacted_fields_in_json_replies_only() throws Exception {
        // given
        ObjectMapper mapper = new ObjectMapper().registerModule(Secrets.of(List.of("sk-ABCDEFGH12345")).module());

        // when
        String json = mapper.writeValueAsString(new ErrorInfo("provider_error", "echoed sk-ABCDEFGH12345", null,
                "sk-ABCDEFGH12345", 401));

        // then: the message is masked; other fields are written as they are (they hold no provider text)
        assertThat(json).isEqualTo("{\"type\":\"provider_error\",\"message\":\"echoed [redacted]\","
                + "\"provider\":\"sk-ABCDEFGH12345\",\"providerStatus\":401}");
    }
}
