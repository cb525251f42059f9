package dev.quorum.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.camel.AuthConstants;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** How a presented key is read, matched to its tenant and removed, without an HTTP server. */
class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(List.of(
            new ApiKeys.Key("first", ApiKeys.digest("key-one"), "tenant-one"),
            new ApiKeys.Key("second", ApiKeys.digest("key-two"), "tenant-two")), new dev.quorum.auth.ErrorReplies(new ObjectMapper()));

    /** Started, as in Quorum: header names are then case-insensitive, as HTTP's are. */
    private static final DefaultCamelContext CONTEXT = new DefaultCamelContext();

    static {
        CONTEXT.start();
    }

    private static Exchange exchange(String header, String value) {
        Exchange exchange = new DefaultExchange(CONTEXT);
        if (header != null) {
            exchange.getMessage().setHeader(header, value);
        }
        return exchange;
    }

    @ParameterizedTest
    @CsvSource({
            "Authorization, Bearer key-one,     tenant-one",
            "Authorization, bearer key-two,     tenant-two",
            "Authorization, Bearer   key-two  , tenant-two",
            "X-API-Key,     key-one,            tenant-one",
            "x-api-key,     key-two,            tenant-two"})
    void should_accept_a_configured_key_in_either_header_and_name_its_tenant(String header, String value, String tenant) {
        // given
        Exchange exchange = exchange(header, value);

        // when
        keys.authenticate(exchange);

        // then
        assertThat(exchange.getVariable(AuthConstants.VAR_AUTHENTICATED, Boolean.class)).isTrue();
        assertThat(exchange.getVariable(AuthConstants.VAR_KEY_TENANT, String.class)).isEqualTo(tenant);
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKeys("Authorization", "X-API-Key");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "-,             -",
            "Authorization, Bearer key-three",
            "Authorization, Basic a2V5LW9uZQ==",
            "Authorization, Bearer ",
            "X-API-Key,     KEY-ONE",
            "X-API-Key,     key-on"})
    void should_refuse_anything_else_and_keep_no_tenant(String header, String value) {
        // given
        Exchange exchange = exchange(header, value);

        // when
        keys.authenticate(exchange);

        // then
        assertThat(exchange.getVariable(AuthConstants.VAR_AUTHENTICATED, Boolean.class)).isFalse();
        assertThat(exchange.getVariable(AuthConstants.VAR_KEY_TENANT)).isNull();
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKeys("Authorization", "X-API-Key");
    }

    @Test
    void should_refuse_everything_when_no_key_is_configured() throws Exception {
        // given
        ApiKeys none = new ApiKeys(List.of(), new dev.quorum.auth.ErrorReplies(new ObjectMapper()));
        Exchange exchange = exchange("Authorization", "Bearer anything");
        exchange.getMessage().setHeader(Exchange.HTTP_URI, "/api/v1/complete");

        // when
        none.authenticate(exchange);
        none.reject(exchange);

        // then
        assertThat(exchange.getVariable(AuthConstants.VAR_AUTHENTICATED, Boolean.class)).isFalse();
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(401);
        assertThat(new String(exchange.getMessage().getBody(byte[].class))).contains("\"unauthorized\"")
                .doesNotContain("anything");
    }

    @ParameterizedTest
    @CsvSource({"X-API-Key, true", "x-api-key, true", "Authorization, true", "api_key, true", "apiKey, true",
            "api-key, true", "key, true", "access_token, true", "period, false", "by, false", "keyword, false"})
    void should_know_the_query_parameters_that_carry_a_key(String name, boolean carriesKey) {
        assertThat(ApiKeys.isKeyParameter(name)).isEqualTo(carriesKey);
    }
}
