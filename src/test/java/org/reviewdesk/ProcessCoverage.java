package org.reviewdesk;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What the process tests that report coverage must reach: every flow node and every sequence flow of
 * the models they run (Camunda process test coverage; HTML reports in target/process-test-coverage).
 */
@TestConfiguration(proxyBeanMethods = false)
class ProcessCoverage {

    @Bean
    @Primary
    ProcessEngineCoverageProperties everyFlowNodeAndSequenceFlow() {
        return new ProcessEngineCoverageProperties.Builder().assertClassCoverageAtLeast(1.0).build();
    }
}
