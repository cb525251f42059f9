package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quorum.settings.SettingsException;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.camel.main.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Quorum does not start with a {@code quorum.*} setting it does not know under a feature's prefix (a typo), or a value
 * of the wrong type or out of range: Camel Main's start fails with a message naming the full key, the value and what
 * is expected (docs/configuration.md, "Validation at start").
 */
class SettingsValidationTest {

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("quorum.consensus.treshold", "0.7",
                        "quorum.consensus.treshold is not a setting Quorum knows (did you mean quorum.consensus.threshold?)"),
                Arguments.of("quorum.consensus.threshold", "high",
                        "quorum.consensus.threshold = 'high' is not valid: expected a number from 0 to 1"),
                Arguments.of("quorum.consensus.quorum", "0",
                        "quorum.consensus.quorum = '0' is not valid: expected a whole number of at least 1"),
                Arguments.of("quorum.consensus.timeout-ms", "500000",
                        "quorum.consensus.timeout-ms = '500000' is not valid: expected a whole number from 1 to "
                                + "quorum.consensus.max-timeout-ms (120000)"),
                Arguments.of("quorum.consensus.algorithm", "plurality",
                        "quorum.consensus.algorithm = 'plurality' is not valid: expected one of "),
                Arguments.of("quorum.consensus.semantic.pair-model.weight", "5",
                        "quorum.consensus.semantic.pair-model.weight = '5' is not valid: expected a number from 0 "
                                + "to 4"),
                Arguments.of("quorum.consensus.semantic.pair-model.enabled", "sometimes",
                        "quorum.consensus.semantic.pair-model.enabled = 'sometimes' is not valid"),
                Arguments.of("quorum.consensus.rank.method", "borda",
                        "quorum.consensus.rank.method = 'borda' is not valid: expected one of judge, pairwise"),
                Arguments.of("quorum.consensus.rank.max-pairwise-calls", "1",
                        "quorum.consensus.rank.max-pairwise-calls = '1' is not valid: expected 0 (no pairwise "
                                + "preference) or at least 2"),
                Arguments.of("quorum.routing.retry.openai-sim.max-atempts", "2",
                        "quorum.routing.retry.openai-sim.max-atempts is not a setting Quorum knows "
                                + "(did you mean quorum.routing.retry.openai-sim.max-attempts?)"),
                Arguments.of("quorum.routing.breaker.sliding-window-size", "ten",
                        "quorum.routing.breaker.sliding-window-size = 'ten' is not valid: expected a whole number of at least 1"),
                Arguments.of("quorum.routing.retry.jitter", "2",
                        "quorum.routing.retry.jitter = '2' is not valid: expected a number from 0 to 1"),
                Arguments.of("quorum.routing.tier.cod.primary", "openai-sim",
                        "quorum.routing.tier.cod.* is not a setting Quorum knows: expected a task, one of code, "),
                Arguments.of("quorum.routing.semantic.enabled", "yes",
                        "quorum.routing.semantic.enabled = 'yes' is not valid: expected true or false"),
                Arguments.of("quorum.health.probe.enabled", "sometimes",
                        "quorum.health.probe.enabled = 'sometimes' is not valid: expected one of auto, true, false"),
                Arguments.of("quorum.provider.openai.modle", "gpt-4o",
                        "quorum.provider.openai.modle is not a setting Quorum knows (did you mean quorum.provider.openai.model?)"),
                Arguments.of("quorum.simulator.provider.openai-sim.timeout-ms", "soon",
                        "quorum.simulator.provider.openai-sim.timeout-ms = 'soon' is not valid: expected a whole number of at least 1"),
                Arguments.of("quorum.simulator.enabled", "maybe",
                        "quorum.simulator.enabled = 'maybe' is not valid: expected one of auto, true, false"),
                Arguments.of("quorum.request.max-n", "-1",
                        "quorum.request.max-n = '-1' is not valid: expected a whole number of at least 1"),
                Arguments.of("quorum.ollama.discovery-timeout", "100",
                        "quorum.ollama.discovery-timeout is not a setting Quorum knows (did you mean quorum.ollama.discovery-timeout-ms?)"),
                Arguments.of("quorum.auth.enabled", "yes",
                        "quorum.auth.enabled = 'yes' is not valid: expected true or false"),
                Arguments.of("quorum.auth.keys.ops.kee", "not-shown-in-the-message",
                        "quorum.auth.keys.ops.kee is not a setting Quorum knows: expected quorum.auth.keys.<name>.key or "),
                Arguments.of("quorum.dashboard.cookie-secure", "sometimes",
                        "quorum.dashboard.cookie-secure = 'sometimes' is not valid: expected one of auto, true, false"),
                Arguments.of("quorum.alerts.provider.openai-sim.error-rate.threshold", "25%",
                        "quorum.alerts.provider.openai-sim.error-rate.threshold = '25%' is not valid: expected a number from 0 to 1"),
                Arguments.of("quorum.alerts.cooldown", "1000",
                        "quorum.alerts.cooldown is not a setting Quorum knows (did you mean quorum.alerts.cooldown-ms?)"),
                Arguments.of("quorum.console.port", "http",
                        "quorum.console.port = 'http' is not valid: expected a whole number from 0 to 65535"),
                Arguments.of("quorum.cache.ttl", "1000",
                        "quorum.cache.ttl is not a setting Quorum knows (did you mean quorum.cache.ttl-ms?)"),
                Arguments.of("quorum.cache.semantic-threshold", "0",
                        "quorum.cache.semantic-threshold = '0' is not valid: expected a cosine above 0 and at most 1"),
                Arguments.of("quorum.prompts.refresh-ms", "5s",
                        "quorum.prompts.refresh-ms = '5s' is not valid: expected a whole number of at least 1"),
                Arguments.of("quorum.file.max-bytes", "0",
                        "quorum.file.max-bytes = '0' is not valid: expected a whole number of at least 1"),
                Arguments.of("quorum.kafka.idempotent-repository", "redis",
                        "quorum.kafka.idempotent-repository = 'redis' is not valid: expected one of file, kafka"),
                Arguments.of("quorum.openai.consensus-algoritms", "majority",
                        "quorum.openai.consensus-algoritms is not a setting Quorum knows (did you mean "
                                + "quorum.openai.consensus-algorithms?)"),
                Arguments.of("quorum.http.worker-thread", "64",
                        "quorum.http.worker-thread is not a setting Quorum knows (did you mean quorum.http.worker-threads?)"),
                Arguments.of("quorum.http.max-body-bytes-by-path", "/v1=lots",
                        "quorum.http.max-body-bytes-by-path = '/v1=lots' is not valid: expected a whole number of bytes"),
                Arguments.of("quorum.budget.team.limit-usd", "ten dollars",
                        "quorum.budget.team.limit-usd = 'ten dollars' is not valid: expected a number of at least 0"),
                Arguments.of("quorum.budget.default-treshold", "80",
                        "quorum.budget.default-treshold is not a setting Quorum knows (did you mean "
                                + "quorum.budget.default-thresholds?)"),
                Arguments.of("quorum.budget.team.policy", "reject",
                        "quorum.budget.team.limit-usd is missing: expected the budget's limit in US dollars"),
                Arguments.of("quorum.ledger.pool-size", "0",
                        "quorum.ledger.pool-size = '0' is not valid: expected a whole number of at least 1"),
                Arguments.of("quorum.ledger.jdbc-pasword", "not-shown-in-the-message",
                        "quorum.ledger.jdbc-pasword is not a setting Quorum knows (did you mean quorum.ledger.jdbc-password?)"),
                Arguments.of("quorum.price.gpt-4o.outptu", "10",
                        "quorum.price.gpt-4o.outptu is not a setting Quorum knows: expected quorum.price.<model>.input, "),
                Arguments.of("quorum.ratelimit.openai-sim.requests-per-minut", "60",
                        "quorum.ratelimit.openai-sim.requests-per-minut is not a setting Quorum knows (did you mean "
                                + "quorum.ratelimit.openai-sim.requests-per-minute?)"),
                Arguments.of("quorum.ratelimit.concurrent-requests", "-2",
                        "quorum.ratelimit.concurrent-requests = '-2' is not valid: expected a whole number of at least 0"),
                Arguments.of("quorum.consensu.quorum", "3",
                        "quorum.consensu.quorum is not a setting Quorum knows: expected a quorum.<feature>.* setting; "
                                + "did you mean quorum.consensus.*?"),
                Arguments.of("quorum.health.probe.interval", "1000",
                        "quorum.health.probe.interval is not a setting Quorum knows (did you mean "
                                + "quorum.health.probe.interval-ms?)"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badSettings")
    void should_not_start_with_a_bad_setting_naming_its_key_value_and_what_is_expected(String key, String value,
                                                                                        String message) {
        // given
        Properties settings = QuorumTestSupport.baseSettings(QuorumTestSupport.freePort());
        settings.put("quorum.data.dir", QuorumTestSupport.newDataDir().toString());
        settings.put(key, value);
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        settings.forEach((k, v) -> main.addOverrideProperty((String) k, (String) v));

        // when
        Throwable thrown = catchThrowable(main::start);
        main.stop();

        // then
        assertThat(thrown).isNotNull();
        Throwable cause = thrown;
        while (!(cause instanceof SettingsException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(SettingsException.class);
        assertThat(cause.getMessage()).startsWith(message);
        assertThat(thrown.getMessage()).contains(((SettingsException) cause).key());
        // an unknown key's value may be a secret: it is never in the message
        assertThat(thrown.getMessage()).doesNotContain("not-shown-in-the-message");
    }
}
