package dev.quorum.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Steps} bound in a real context and called from {@code process} steps of a YAML route, as Quorum's are. */
class StepsTest {

    private static final String ROUTES = """
            - route:
                id: greet
                from:
                  uri: direct:greet
                  steps:
                    - process:
                        ref: greeter.greet
            - route:
                id: mark
                from:
                  uri: direct:mark
                  steps:
                    - process:
                        ref: greeter.mark
            """;

    private final Greeter greeter = new Greeter();
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        Steps.bind(context.getRegistry(), "greeter", greeter)
                .toBody("greet", greeter::greet)
                .step("mark", greeter::mark);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("steps.camel.yaml", ROUTES));
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void should_put_the_value_a_method_returns_in_the_body() {
        // when
        Exchange reply = context.createProducerTemplate().request("direct:greet", exchange -> {
            exchange.getMessage().setBody("Ada");
            exchange.getMessage().setHeader("kept", "yes");
        });

        // then
        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody()).isEqualTo("hello Ada");
        assertThat(reply.getMessage().getHeader("kept")).isEqualTo("yes");
    }

    @Test
    void should_leave_the_body_alone_after_a_method_that_returns_nothing() {
        // when
        Exchange reply = context.createProducerTemplate().request("direct:mark",
                exchange -> exchange.getMessage().setBody("Ada"));

        // then
        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody()).isEqualTo("Ada");
        assertThat(reply.getVariable("marked")).isEqualTo(true);
        assertThat(context.getRegistry().lookupByName("greeter")).as("the bean itself is bound too").isSameAs(greeter);
    }

    @Test
    void should_refuse_a_binding_that_would_drop_a_value_or_names_no_method() {
        // given
        Steps steps = Steps.bind(context.getRegistry(), "greeter", greeter);

        // then
        assertThatThrownBy(() -> steps.step("greet", greeter::greet))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("greeter.greet returns a value");
        assertThatThrownBy(() -> steps.toBody("mark", exchange -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("greeter.mark returns nothing");
        assertThatThrownBy(() -> steps.step("wave", exchange -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no public method wave(Exchange)");
        assertThat(context.getRegistry().lookupByName("greeter.wave")).isNull();
    }

    /** A bean with one route method of each kind. */
    public static final class Greeter {

        public String greet(Exchange exchange) {
            return "hello " + exchange.getMessage().getBody(String.class);
        }

        public void mark(Exchange exchange) {
            exchange.setVariable("marked", true);
        }
    }
}
