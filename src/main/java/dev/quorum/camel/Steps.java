package dev.quorum.camel;

import java.lang.reflect.Method;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.Registry;
import org.apache.camel.util.function.ThrowingFunction;

/**
 * Binds the methods the routes call on a bean as Processors named {@code <bean>.<method>}, for {@code process} steps
 * ({@code ref: budgetGate.admit}). A {@code bean} step has Camel choose the method and bind its parameters by
 * reflection on every call, which a request passing some twenty steps pays for each time; a Processor made from a
 * method reference is called directly. The beans and their {@code (Exchange)} methods stay as they are, so tests and
 * the remaining {@code bean} steps call them the same way.
 *
 * <pre>{@code
 * Steps.bind(registry, "budgetGate", gate)
 *         .step("admit", gate::admit)
 *         .toBody("annotate", gate::annotate);
 * }</pre>
 */
public final class Steps {

    private final Registry registry;
    private final String beanName;
    private final Class<?> beanType;

    private Steps(Registry registry, String beanName, Class<?> beanType) {
        this.registry = registry;
        this.beanName = beanName;
        this.beanType = beanType;
    }

    /** Binds {@code bean} as {@code beanName} (for {@code bean} steps and lookups) and starts binding its steps. */
    public static Steps bind(Registry registry, String beanName, Object bean) {
        registry.bind(beanName, bean);
        return new Steps(registry, beanName, bean.getClass());
    }

    /** Binds {@code <bean>.<method>} to a method that returns nothing: the step leaves the body as the method left it. */
    public Steps step(String method, Processor call) {
        registry.bind(name(method, false), call);
        return this;
    }

    /**
     * Binds {@code <bean>.<method>} to a method that returns a value: the value, {@code null} included, becomes the
     * message body, as a {@code bean} step sets it.
     */
    public Steps toBody(String method, ThrowingFunction<Exchange, ?, Exception> call) {
        Processor step = exchange -> exchange.getMessage().setBody(call.apply(exchange));
        registry.bind(name(method, true), step);
        return this;
    }

    /**
     * The registry name, once the bean is known to have the route method {@code method(Exchange)} and to return a
     * value exactly when it is bound with {@link #toBody}: a method reference to a method that returns a value also
     * fits a Processor, which would drop the value without a word. Checked once, at start-up.
     */
    private String name(String method, boolean returnsValue) {
        String name = beanName + "." + method;
        Method target;
        try {
            target = beanType.getMethod(method, Exchange.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(name + ": " + beanType.getName() + " has no public method " + method
                    + "(Exchange)", e);
        }
        boolean returns = target.getReturnType() != void.class;
        if (returns != returnsValue) {
            throw new IllegalArgumentException(name + (returns
                    ? " returns a value, which a bean step put in the body: bind it with toBody"
                    : " returns nothing: bind it with step"));
        }
        return name;
    }
}
