package dev.quorum.component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.QuorumException;
import dev.quorum.api.RequestParser;
import dev.quorum.api.Results;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Answers a message through the engine: builds the request ({@link QuorumRequests}), hands it to the engine's
 * {@code direct:intake} in an exchange of its own, so none of the engine's variables, headers or properties reach the
 * caller's exchange and none of the caller's (a variable the engine trusts, such as an API key's tenant) reach the
 * engine, and puts the result back: the body ({@code CompletionResult}, or its JSON with {@code resultFormat=json})
 * and the {@code Quorum*} result headers. A failed result (status 400 and above) is a result like any other, unless
 * the endpoint says {@code throwOnError=true}. Runs on the asynchronous routing engine: the caller's thread is not
 * held beyond what the engine's own routes hold it.
 */
public class QuorumProducer extends DefaultAsyncProducer {

    private AsyncProducer intake;
    private QuorumRequests requests;
    private Results results;
    private ObjectMapper mapper;

    public QuorumProducer(QuorumEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public QuorumEndpoint getEndpoint() {
        return (QuorumEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        CamelContext context = getEndpoint().getCamelContext();
        QuorumEngine.start(context);
        mapper = QuorumEngine.bean(context, "quorumObjectMapper", ObjectMapper.class);
        requests = new QuorumRequests(mapper, QuorumEngine.bean(context, "requestParser", RequestParser.class));
        results = QuorumEngine.bean(context, "results", Results.class);
        intake = context.getEndpoint(QuorumEngine.INTAKE).createAsyncProducer();
        ServiceHelper.startService(intake);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(intake);
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Exchange call = new DefaultExchange(exchange.getContext(), ExchangePattern.InOut);
        try {
            call.getMessage().setBody(requests.request(exchange.getMessage(), getEndpoint()));
        } catch (QuorumException invalid) {
            // the body could not be read as a request: a 400 result, as the intake gives for any bad request
            call.setProperty(Exchange.EXCEPTION_CAUGHT, invalid);
            complete(exchange, results.failure(call));
            callback.done(true);
            return true;
        }
        return intake.process(call, doneSync -> {
            if (call.getException() != null) {
                exchange.setException(call.getException());
            } else {
                complete(exchange, call.getMessage().getBody(CompletionResult.class));
            }
            callback.done(doneSync);
        });
    }

    private void complete(Exchange exchange, CompletionResult result) {
        if (result == null) {
            exchange.setException(new IllegalStateException("Quorum's engine answered without a result"));
            return;
        }
        Message message = exchange.getMessage();
        QuorumConstants.RESULT_HEADERS.forEach(message::removeHeader);
        message.setHeader(QuorumConstants.STATUS, result.status());
        message.setHeader(QuorumConstants.REQUEST_ID, result.id());
        if (result.failed()) {
            message.setHeader(QuorumConstants.ERROR_TYPE, result.error().type());
        } else {
            setIfPresent(message, QuorumConstants.ANSWER, result.answer());
            setIfPresent(message, QuorumConstants.ANSWERED_BY, result.provider());
            setIfPresent(message, QuorumConstants.MODEL, result.model());
        }
        if (result.agreement() != null) {
            message.setHeader(QuorumConstants.AGREEMENT_LEVEL, result.agreement().level());
            message.setHeader(QuorumConstants.AGREEMENT_RATIO, result.agreement().ratio());
        }
        setIfPresent(message, QuorumConstants.CONFIDENCE, result.confidence());
        setIfPresent(message, QuorumConstants.COST_USD, result.costUsd());
        if (result.cascade() != null) {
            message.setHeader(QuorumConstants.ESCALATED, result.cascade().escalated());
        }
        if (getEndpoint().getResultFormat() == QuorumResultFormat.json) {
            try {
                message.setBody(mapper.writeValueAsString(result));
            } catch (JsonProcessingException e) {
                exchange.setException(e);
                return;
            }
        } else {
            message.setBody(result);
        }
        if (getEndpoint().isThrowOnError() && (result.failed() || result.status() >= 400)) {
            exchange.setException(new QuorumFailedException(exchange, result));
        }
    }

    private static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
