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

/**
 * Sign-in over real HTTP, as a browser does it: the login page's CSRF token, the form POST that
 * Spring Security handles, the session cookie. Test limits: 3 failures per account, 6 per address.
 * An IT, not a Test: it needs a Vaadin servlet no Karibu test has touched in the same JVM.
 */
@ApplicationTest
class LoginHttpIT {

    private static final String PASSWORD = "ReviewDesk2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetFailures() {
        // every test signs in from 127.0.0.1: do not let one test's lock-out leak into the next
        jdbc.sql("delete from login_throttle").update();
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        StaffHttpClient browser = newBrowser();
        for (String path : new String[] {"/", "/admin", "/admin/users", "/work", "/hotline"}) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Test
    void signingInChangesTheSessionId() throws Exception {
        StaffHttpClient browser = newBrowser();
        browser.get("/login");
        String before = browser.sessionId();
        HttpResponse<String> login = browser.login("reviewer", PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(browser.sessionId()).isNotBlank().isNotEqualTo(before);
    }

    @Test
    void aLoginPostWithoutTheCsrfTokenIsRefused() throws Exception {
        StaffHttpClient browser = newBrowser();
        browser.get("/login");
        HttpResponse<String> response = browser.postForm("/login", "username=reviewer&password=" + PASSWORD);
        // refused by the CSRF filter before authentication: sent back to the login page, not signed in
        assertThat(response.statusCode()).isIn(302, 403);
        response.headers().firstValue("Location").ifPresent(l -> assertThat(l).endsWith("/login"));
        assertThat(browser.get("/admin").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void wrongPasswordsLockTheAccountEvenForTheRightPassword() throws Exception {
        StaffHttpClient browser = newBrowser();
        for (int i = 0; i < 3; i++) {
            assertThat(browser.login("reviewer2", "wrong-password-" + i).headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }
        HttpResponse<String> locked = browser.login("reviewer2", PASSWORD);
        assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(lockedKeys()).contains("account:reviewer2");
        // another account from the same address is not locked yet
        assertThat(newBrowser().login("reviewer", PASSWORD).headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    @Test
    void manyFailuresFromOneAddressLockEveryAccountFromIt() throws Exception {
        StaffHttpClient browser = newBrowser();
        String[] accounts = {"nobody1", "nobody2", "nobody3", "nobody4", "nobody5", "nobody6"};
        for (String account : accounts) {
            browser.login(account, "guess");
        }
        assertThat(lockedKeys()).contains("address:127.0.0.1");
        HttpResponse<String> refused = newBrowser().login("reviewer", PASSWORD);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    @Test
    void disabledUsersCannotSignIn() throws Exception {
        jdbc.sql("update staff_user set enabled = false where username = 'hotline'").update();
        try {
            HttpResponse<String> refused = newBrowser().login("hotline", PASSWORD);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        } finally {
            jdbc.sql("update staff_user set enabled = true where username = 'hotline'").update();
        }
    }

    @Test
    void everyLoginAndFailureIsAudited() throws Exception {
        newBrowser().login("supervisor", "not-it");
        newBrowser().login("supervisor", PASSWORD);
        assertThat(jdbc.sql("select action from audit_record where actor = 'supervisor' order by id").query(String.class).list())
                .containsSubsequence("LOGIN_FAILED", "LOGIN");
    }

    private java.util.List<String> lockedKeys() {
        return jdbc.sql("select throttle_key from login_throttle where locked_until is not null").query(String.class).list();
    }

    private StaffHttpClient newBrowser() {
        return new StaffHttpClient(port);
    }
}
