package dev.quorum.component;

import dev.quorum.provider.ProviderCatalog;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code quorum:} component: Quorum's engine (provider catalog, routing, consensus, budgets and ledger, the
 * simulator when no provider has a key) as a step in any Camel route. It starts the engine in the CamelContext that
 * first uses it ({@link QuorumEngine#start}), with the settings of that application's {@code quorum.*} properties over
 * the defaults the jar ships.
 */
@Component("quorum")
public class QuorumComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        QuorumEndpoint endpoint = new QuorumEndpoint(uri, this);
        endpoint.setOperation(getCamelContext().getTypeConverter().mandatoryConvertTo(QuorumOperation.class, remaining));
        // variable.<name>=<value>: the template's variables, one URI option each (a multi-value option)
        Map<String, Object> variables = org.apache.camel.util.PropertiesHelper.extractProperties(parameters, "variable.");
        if (!variables.isEmpty()) {
            endpoint.setVariables(variables);
        }
        setProperties(endpoint, parameters);
        // a route whose options Quorum would refuse fails as it starts, naming the option
        QuorumEngine.start(getCamelContext());
        endpoint.validate(QuorumEngine.bean(getCamelContext(), "providerCatalog", ProviderCatalog.class));
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        QuorumEngine.start(getCamelContext());
    }
}
