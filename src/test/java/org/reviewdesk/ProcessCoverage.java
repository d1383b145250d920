package org.reviewdesk;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.Condition;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Camunda process test coverage for the shared test context. The library registers its listener for
 * every Spring test class and records each instance's flow nodes and sequence flows (HTML reports in
 * target/process-test-coverage); a process test class that calls {@link #requireEveryElement()} before
 * its tests fails unless they pass every flow node and sequence flow of the models they run. Other
 * classes start processes too, only in part: they are reported, not held to it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverage {

    /** Set by the class being measured; read (and cleared) when the listener checks that class. */
    private static final AtomicBoolean REQUIRED = new AtomicBoolean();

    /** Holds the test class now running to 100% coverage of its models (call it in {@code @BeforeAll}). */
    public static void requireEveryElement() {
        REQUIRED.set(true);
    }

    @Bean
    @Primary
    ProcessEngineCoverageProperties everyElementWhereRequired() {
        ProcessEngineCoverageProperties defaults = new ProcessEngineCoverageProperties();
        Condition<Double> whereRequired = new Condition<>(coverage -> !REQUIRED.getAndSet(false) || coverage >= 1.0,
                "every flow node and sequence flow covered (the class requires it)");
        return new ProcessEngineCoverageProperties(defaults.getDetailedCoverageLogging(), defaults.getHandleTestMethodCoverage(),
                defaults.getExcludedProcessDefinitionKeys(), List.of(whereRequired), defaults.getTestMethodCoverageConditions(),
                defaults.getInclusionPatternsForTestClasses(), defaults.getReportDirectory());
    }
}
