package dev.quorum.component;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/**
 * Quorum's own application binds the engine's beans with this configuration class, first in
 * {@code camel.main.configuration-classes}, and loads the engine's routes from {@code routes/engine/} like its other
 * routes; a {@code quorum:} endpoint in the application then finds both and adds nothing.
 */
public final class QuorumEngineConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        QuorumEngine.bind(context);
    }
}
