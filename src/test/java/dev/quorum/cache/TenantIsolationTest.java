package dev.quorum.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With API keys on, tenants stay apart in the response cache and in prompt experiments: another tenant's identical
 * request is not answered from the first one's entry, {@code DELETE /api/v1/cache} empties only the caller's tenant,
 * and feedback on another tenant's request is a 404.
 */
class TenantIsolationTest extends QuorumTestSupport {

    private static final String ACME = "qk-acme-0123456789abcdef0123456789";
    private static final String GLOBEX = "qk-globex-0123456789abcdef01234567";

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.auth.enabled", "true",
                "quorum.auth.keys.acme.key", ACME,
                "quorum.auth.keys.acme.tenant", "acme",
                "quorum.auth.keys.globex.key", GLOBEX,
                "quorum.auth.keys.globex.tenant", "globex");
    }

    private HttpResponse<String> send(String method, String path, String key, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode ask(String key, String tenantInBody) {
        return json(send("POST", "/api/v1/complete", key, request(Map.of("prompt", "Shared question",
                "provider", "openai-sim", "cache", true, "tenant", tenantInBody))));
    }

    @Test
    void should_keep_tenants_apart_in_the_cache_and_in_feedback() {
        // given: acme's answer stored; globex names acme as its tenant in the body, which its key overrides
        ask(ACME, "acme");

        // when
        JsonNode globex = ask(GLOBEX, "acme");
        JsonNode acmeAgain = ask(ACME, "acme");
        HttpResponse<String> globexClears = send("DELETE", "/api/v1/cache", GLOBEX, null);
        JsonNode acmeAfterGlobexClear = ask(ACME, "acme");

        // then
        assertThat(globex.path("cached").isMissingNode()).as("another tenant's entry").isTrue();
        assertThat(acmeAgain.path("cached").asBoolean()).isTrue();
        assertThat(json(globexClears).path("tenant").asText()).isEqualTo("globex");
        assertThat(json(globexClears).path("cleared").asLong()).isEqualTo(1); // its own entry only
        assertThat(acmeAfterGlobexClear.path("cached").asBoolean()).as("globex emptied only its own").isTrue();

        // given: an experiment request of acme's
        send("POST", "/api/v1/prompts", ACME, "{\"id\":\"iso\",\"template\":\"One {{x}}\"}");
        send("POST", "/api/v1/prompts", ACME, "{\"id\":\"iso\",\"template\":\"Two {{x}}\"}");
        send("POST", "/api/v1/prompts/iso/experiment", ACME, "{\"arms\":{\"1\":1,\"2\":1}}");
        send("POST", "/api/v1/complete", ACME, request(Map.of("id", "iso-1", "template", "iso",
                "provider", "openai-sim", "variables", Map.of("x", "y"))));

        // when
        HttpResponse<String> foreign = send("POST", "/api/v1/feedback", GLOBEX, "{\"requestId\":\"iso-1\",\"score\":0}");
        HttpResponse<String> own = send("POST", "/api/v1/feedback", ACME, "{\"requestId\":\"iso-1\",\"score\":1}");

        // then
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    }
}
