package dev.quorum.kamelet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Binds {@code consensusAction}, the bean the {@code llm-consensus-action} Kamelet builds its request with. */
public final class KameletConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        ObjectMapper mapper = context.getRegistry().lookupByNameAndType("quorumObjectMapper", ObjectMapper.class);
        context.getRegistry().bind("consensusAction", new ConsensusAction(mapper));
    }
}
