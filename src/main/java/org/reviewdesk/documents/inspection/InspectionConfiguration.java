package org.reviewdesk.documents.inspection;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One worker shared by inspection and rendering, so their limits hold together. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InspectionLimits.class)
class InspectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InspectionConfiguration.class);

    @Bean(destroyMethod = "close")
    InspectionWorker inspectionWorker(InspectionLimits limits) {
        registerImagePlugins();
        return new InspectionWorker(limits);
    }

    /**
     * ImageIO registers the plugins of the class loader that first touches it; scanning once at
     * start-up, with the application's class loader, makes sure TwelveMonkeys' JPEG reader (CMYK
     * scans) is among them however the application is packaged and whoever used ImageIO first.
     */
    static void registerImagePlugins() {
        ImageIO.scanForPlugins();
        ImageReader jpeg = ImageHeaders.reader(DocumentType.JPEG);
        try {
            if (!ImageHeaders.isCmykCapable(jpeg)) {
                log.warn("No CMYK-capable JPEG reader ({}) registered with ImageIO: CMYK and YCCK JPEGs will be refused as damaged",
                        ImageHeaders.CMYK_JPEG_READER);
            }
        } finally {
            jpeg.dispose();
        }
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
