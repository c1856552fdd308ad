package dev.jprov;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class of the integration lane: it needs something the fast lane must not (root, a real sshd, Linux
 * namespaces, a container engine, the testbed, Debian's ansible). {@code mvn test} (surefire) leaves these
 * classes out, {@code mvn verify} runs them through failsafe. Every other test class is in the fast lane.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("integration")
public @interface IntegrationTest {
    /** What the class needs that the fast lane does not have, for a reader deciding where a test belongs. */
    String value();
}
