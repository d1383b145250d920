package org.reviewdesk.documents.inspection;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One worker shared by inspection and rendering, so their limits hold together. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InspectionLimits.class)
class InspectionConfiguration {

    @Bean(destroyMethod = "close")
    InspectionWorker inspectionWorker(InspectionLimits limits) {
        return new InspectionWorker(limits);
    }

    @Bean
    FileInspector fileInspector(InspectionLimits limits, InspectionWorker inspectionWorker) {
        return new FileInspector(limits, inspectionWorker);
    }

    @Bean
    PreviewRenderer previewRenderer(InspectionLimits limits, InspectionWorker inspectionWorker) {
        return new PreviewRenderer(limits, inspectionWorker);
    }
}
