package dev.jprov.testbed;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the JVM-wide {@link Testbed}: {@code @ExtendWith(TestbedExtension.class)} on the class, then a
 * {@code Testbed} parameter on a test, lifecycle method or constructor. The testbed lives in the root context's
 * store, so every test class of the run shares its hosts, and JUnit closes it (stopping the containers) at the
 * end. No container engine is a failure with a clear message, never a skip.
 */
public final class TestbedExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestbedExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Testbed.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Testbed.class, k -> {
            try {
                return Testbed.open();
            } catch (Exception e) {
                throw new ParameterResolutionException("the testbed could not start: " + e.getMessage(), e);
            } 
        }, Testbed.class);
    }
}
