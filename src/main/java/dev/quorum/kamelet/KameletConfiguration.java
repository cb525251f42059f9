package dev.quorum.kamelet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.Steps;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Binds {@code consensusAction}, the bean the {@code llm-consensus-action} Kamelet builds its request with. */
public final class KameletConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        ObjectMapper mapper = context.getRegistry().lookupByNameAndType("quorumObjectMapper", ObjectMapper.class);
        ConsensusAction action = new ConsensusAction(mapper);
        Steps.bind(context.getRegistry(), "consensusAction", action)
                .step("request", action::request);
    }
}
