package org.reviewdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Demo users (with their published password) only when asked, whatever the database. */
class DemoDataTest {

    @Test
    void onlyAnExplicitYesSeedsDemoData() {
        assertThat(new DemoData("true").enabled()).isTrue();
        assertThat(new DemoData(" YES ").enabled()).isTrue();
        for (String other : new String[] {"false", "auto", "", "never", "h2"}) {
            assertThat(new DemoData(other).enabled()).as(other).isFalse();
        }
    }
}
