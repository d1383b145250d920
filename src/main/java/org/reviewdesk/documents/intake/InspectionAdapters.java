package org.reviewdesk.documents.intake;

import org.reviewdesk.documents.inspection.FileInspector;
import org.reviewdesk.documents.inspection.Preview;
import org.reviewdesk.documents.inspection.PreviewRenderer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Connects the intake's two ports to the inspection package's inspector and renderer. */
@Configuration(proxyBeanMethods = false)
class InspectionAdapters {

    @Bean
    DocumentInspection documentInspection(FileInspector inspector) {
        return inspector::inspectAsync;
    }

    /** The renderer renders its configured number of pages in one job; the intake keeps at most {@code maxPages}. */
    @Bean
    PageRendering pageRendering(PreviewRenderer renderer) {
        return (file, type, maxPages, pages) -> {
            for (Preview preview : renderer.renderPreviews(file)) {
                if (preview.pageIndex() >= maxPages) {
                    break;
                }
                pages.accept(preview.pageIndex() + 1, preview.width(), preview.height(), preview.png());
            }
        };
    }
}
