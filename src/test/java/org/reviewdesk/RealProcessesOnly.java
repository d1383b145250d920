package org.reviewdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application as {@link ApplicationTest}, without the tests' own sample processes (their
 * adapters stay out: "Sample process (tests only)", "Four-eyes sample process", the other team's): for the
 * browser tests whose screenshots are the README's, which show the real processes and cases made through
 * their services. The classes that use it share one second context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationTest
@TestPropertySource(properties = "reviewdesk.test.sample-processes=false")
public @interface RealProcessesOnly {
}
