package dev.quorum.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The provider routes' ids: each provider has four routes, {@code provider-<id>} and {@code provider-limits-<id>},
 * {@code provider-call-<id>}, {@code provider-settle-<id>}, so provider ids {@code x} and {@code call-x} would want
 * the same route. (The routes themselves run in every test that asks a provider; RateLimitTest checks their steps.)
 */
class ProviderRoutesTest {

    private static final String P = "quorum.provider.";

    @Test
    void should_refuse_a_provider_id_that_names_another_providers_route() throws Exception {
        // given: x's call route is provider-call-x, the entry of provider call-x
        ProviderCatalog catalog = new ProviderCatalog(ProviderCatalog.parse(P, Map.of(
                P + "x.kind", "ollama", P + "x.model", "m", P + "x.base-url", "http://127.0.0.1:1",
                P + "call-x.kind", "ollama", P + "call-x.model", "m", P + "call-x.base-url", "http://127.0.0.1:1"),
                Map.of(), false));
        assertThat(catalog.enabled()).hasSize(2);

        try (DefaultCamelContext context = new DefaultCamelContext()) {
            // when / then: refused naming the setting and the route, before Camel's duplicate id names neither
            assertThatThrownBy(() -> context.addRoutes(new ProviderRoutes(catalog)))
                    .hasStackTraceContaining("quorum.provider.call-x")
                    .hasStackTraceContaining("provider-call-x route of provider x");
        }
    }

    @Test
    void should_make_four_routes_per_provider_from_the_templates() throws Exception {
        // given
        ProviderCatalog catalog = new ProviderCatalog(ProviderCatalog.parse(P, Map.of(
                P + "x.kind", "ollama", P + "x.model", "m", P + "x.base-url", "http://127.0.0.1:1",
                P + "limits.kind", "ollama", P + "limits.model", "m", P + "limits.base-url", "http://127.0.0.1:1"),
                Map.of(), false));

        try (DefaultCamelContext context = new DefaultCamelContext()) {
            // when: the routes to be made from the templates (a provider may be called "limits")
            ProviderRoutes routes = new ProviderRoutes(catalog);
            context.addRoutes(routes);

            // then
            assertThat(routes.getTemplatedRouteCollection().getTemplatedRoutes())
                    .extracting(route -> route.getRouteTemplateRef() + " " + route.getRouteId())
                    .containsExactlyInAnyOrder("provider-route provider-x", "provider-limits provider-limits-x",
                            "provider-call provider-call-x", "provider-settle provider-settle-x",
                            "provider-route provider-limits", "provider-limits provider-limits-limits",
                            "provider-call provider-call-limits", "provider-settle provider-settle-limits");
        }
    }
}
