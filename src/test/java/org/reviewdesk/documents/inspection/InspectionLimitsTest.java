package org.reviewdesk.documents.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class InspectionLimitsTest {

    private static final String PREFIX = "reviewdesk.documents.inspection";

    @Test
    void defaultsAreTenMegabytesFiftyPagesFortyMegapixelsTenSecondsTwoWorkers() {
        InspectionLimits bound = bind(Map.of());

        assertThat(bound).isEqualTo(InspectionLimits.DEFAULTS);
        assertThat(bound.maxBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(bound.maxPages()).isEqualTo(50);
        assertThat(bound.maxPixels()).isEqualTo(40_000_000L);
        assertThat(bound.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(bound.maxConcurrent()).isEqualTo(2);
        assertThat(bound.maxPreviewPages()).isEqualTo(10);
        assertThat(bound.previewDpi()).isEqualTo(110f);
    }

    @Test
    void settingsOverrideTheDefaults() {
        InspectionLimits bound = bind(Map.of(PREFIX + ".max-bytes", "5242880", PREFIX + ".timeout", "3s",
                PREFIX + ".max-concurrent", "4"));

        assertThat(bound.maxBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(bound.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(bound.maxConcurrent()).isEqualTo(4);
        assertThat(bound.maxPages()).isEqualTo(50);
    }

    @Test
    void nonsenseIsRefusedAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of(PREFIX + ".max-concurrent", "0")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("maxConcurrent must be positive");
    }

    private static InspectionLimits bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(PREFIX, InspectionLimits.class);
    }
}
