package dev.quorum.observe;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;
import dev.quorum.secrets.Secrets;

/**
 * The log's safety net for secrets: {@code %redact(...)} in {@code logback.xml} writes what it wraps (the message
 * and the stack trace) with every configured secret and written-out credential masked ({@link Secrets#redactForLogs}),
 * whichever library logged it.
 */
public final class RedactingConverter extends CompositeConverter<ILoggingEvent> {

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return Secrets.redactForLogs(in);
    }
}
