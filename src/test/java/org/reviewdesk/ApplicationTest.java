package org.reviewdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the embedded defaults (H2 in memory, embedded S3), on a random port.
 * Every test class that uses this annotation shares one Spring context, so it starts once. The engine
 * records which flow nodes and sequence flows each instance passes (Camunda process test coverage), for
 * the process tests that report and enforce their model's coverage. What else the classes share is put
 * back before every test ({@link SharedContextReset}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, ProcessCoverage.class})
@ExtendWith(SharedContextReset.class)
public @interface ApplicationTest {
}
