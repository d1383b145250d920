package org.reviewdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.StaffHttpClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Behind a reverse proxy named in {@code REVIEWDESK_TRUSTED_PROXIES} (here the test's own 127.0.0.1):
 * its X-Forwarded-For is the client the throttles count, its X-Forwarded-Proto makes the session
 * cookie Secure and adds HSTS. {@code LoginHttpIT} shows the same headers ignored from an untrusted peer.
 * Its context is its own and closed after it; the shared context's security strategy is put back.
 */
@ExtendWith(KeepSecurityContextStrategy.class)
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "reviewdesk.trusted-proxies=127.0.0.1")
class TrustedProxyHttpIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetFailures() {
        jdbc.sql("delete from login_throttle").update();
    }

    @Test
    void theForwardedClientIsTheOneTheThrottleCounts() throws Exception {
        new StaffHttpClient(port).withHeader("X-Forwarded-For", "203.0.113.60").login("supervisor", "not-it");
        new StaffHttpClient(port).withHeader("X-Forwarded-For", "198.51.100.7, 127.0.0.1").login("supervisor", "not-it");

        assertThat(jdbc.sql("select throttle_key from login_throttle where throttle_key like 'address:%'")
                .query(String.class).list())
                .containsExactlyInAnyOrder("address:203.0.113.60", "address:198.51.100.7");
    }

    @Test
    void overHttpsAtTheProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> page = new StaffHttpClient(port).withHeader("X-Forwarded-Proto", "https").get("/login");

        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age="));
        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .isNotEmpty().allSatisfy(c -> assertThat(c).contains("Secure").contains("HttpOnly"));
    }
}
