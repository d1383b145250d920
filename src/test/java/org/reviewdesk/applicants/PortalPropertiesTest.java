package org.reviewdesk.applicants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The portal's sign-in address is an absolute http(s) address, or the application does not start. */
class PortalPropertiesTest {

    @Test
    void anAbsoluteHttpsAddressIsKept() {
        assertThat(new PortalProperties(URI.create("https://portal.example.gov.cn/login")).loginAddress())
                .isEqualTo("https://portal.example.gov.cn/login");
    }

    @Test
    void aRelativeAScriptOrAMissingAddressIsRefused() {
        for (String bad : new String[]{"/login", "javascript:alert(1)", "ftp://portal.example/", "https:///nohost"}) {
            assertThatThrownBy(() -> new PortalProperties(URI.create(bad))).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reviewdesk.portal.login-url");
        }
        assertThatThrownBy(() -> new PortalProperties(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
