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

    // ---- issue 11: attacks on the sign-in ---------------------------------------------------------

    @Test
    void spellingsOfOneUsernameShareItsCountAndImpossibleNamesAreNotCounted() throws Exception {
        // item 1: the throttle once keyed on trim() and the lookup on strip(): each spelling got fresh attempts
        for (String spelling : new String[] {"reviewer2\u3000", "\u2000reviewer2", " REVIEWER2 "}) {
            assertThat(newBrowser().login(spelling, "wrong-password").headers().firstValue("Location").orElseThrow())
                    .as(spelling).endsWith("/login?error");
        }
        HttpResponse<String> locked = newBrowser().login("\u205Freviewer2", PASSWORD);
        assertThat(locked.headers().firstValue("Location").orElseThrow()).as("a fourth spelling, the right password")
                .endsWith("/login?error");
        assertThat(lockedKeys()).containsExactly("account:reviewer2");

        for (String impossible : new String[] {"<script>", "a", "\u00A0reviewer", "x".repeat(300), "reviewer;drop"}) {
            newBrowser().login(impossible, "guess");
        }
        assertThat(jdbc.sql("select throttle_key from login_throttle").query(String.class).list())
                .as("impossible names are refused before anything is counted")
                .containsExactlyInAnyOrder("account:reviewer2", "address:127.0.0.1");
        assertThat(jdbc.sql("select failures from login_throttle where throttle_key = 'address:127.0.0.1'")
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void fiftyParallelWrongPasswordsGetNoMoreThanTheLimitToThePasswordCheck() throws Exception {
        // item 3: check-then-count let parallel guesses through; the account limit here is 3
        int auditedBefore = failedPasswordChecks("supervisor");
        java.util.List<StaffHttpClient> browsers = new java.util.ArrayList<>();
        java.util.List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            StaffHttpClient browser = newBrowser();
            tokens.add(browser.csrfToken("/login"));
            browsers.add(browser);
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var answers = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
            for (int i = 0; i < 50; i++) {
                StaffHttpClient browser = browsers.get(i);
                String form = "username=supervisor&password=guess-" + i + "&_csrf=" + tokens.get(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return browser.postForm("/login", form);
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get().headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failedPasswordChecks("supervisor") - auditedBefore).as("guesses that reached the password check")
                .isLessThanOrEqualTo(3).isPositive();
    }

    @Test
    void disablingASignedInReviewerEndsTheSessionAtTheNextRequest() throws Exception {
        // item 2: a Vaadin tab's heartbeat kept a disabled user's session alive
        StaffHttpClient browser = newBrowser();
        assertThat(browser.login("reviewer2", PASSWORD).headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        jdbc.sql("update staff_user set enabled = false where username = 'reviewer2'").update();
        try {
            HttpResponse<String> next = browser.get("/");
            assertThat(next.statusCode()).isEqualTo(302);
            assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login");
            assertThat(jdbc.sql("select count(*) from audit_record where actor = 'reviewer2' and action = 'SESSION_ENDED'")
                    .query(Integer.class).single()).isPositive();
        } finally {
            jdbc.sql("update staff_user set enabled = true where username = 'reviewer2'").update();
        }
        assertThat(browser.get("/").statusCode()).as("the ended session stays ended").isEqualTo(302);
    }

    @Test
    void removingARoleTakesEffectAtTheUsersNextRequest() throws Exception {
        StaffHttpClient admin = newBrowser();
        assertThat(admin.login("admin", PASSWORD).headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(admin.get("/actuator/metrics").statusCode()).isEqualTo(200);
        long id = jdbc.sql("select id from staff_user where username = 'admin'").query(Long.class).single();
        java.util.List<String> roles = jdbc.sql("select role from staff_user_role where user_id = :id").param("id", id)
                .query(String.class).list();
        jdbc.sql("delete from staff_user_role where user_id = :id").param("id", id).update();
        jdbc.sql("insert into staff_user_role (user_id, role) values (:id, 'HOTLINE_AGENT')").param("id", id).update();
        try {
            assertThat(admin.get("/actuator/metrics").statusCode()).as("no longer an administrator").isEqualTo(403);
        } finally {
            jdbc.sql("delete from staff_user_role where user_id = :id").param("id", id).update();
            roles.forEach(role -> jdbc.sql("insert into staff_user_role (user_id, role) values (:id, :role)")
                    .param("id", id).param("role", role).update());
        }
        assertThat(admin.get("/actuator/metrics").statusCode()).as("the role given back").isEqualTo(200);
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerIsIgnored() throws Exception {
        // item 4: with no trusted proxy configured, the peer is the client whatever it claims
        newBrowser().withHeader("X-Forwarded-For", "203.0.113.50").login("supervisor", "not-it");
        assertThat(jdbc.sql("select detail from audit_record where actor = 'supervisor' and action = 'LOGIN_FAILED' "
                + "order by id desc limit 1").query(String.class).single()).startsWith("address=127.0.0.1 ");
        assertThat(jdbc.sql("select throttle_key from login_throttle").query(String.class).list())
                .contains("address:127.0.0.1").noneMatch(k -> k.contains("203.0.113.50"));
    }

    @Test
    void pagesCarryAContentSecurityPolicyAndNoHstsOverPlainHttp() throws Exception {
        HttpResponse<String> page = newBrowser().get("/login");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'self'");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("HSTS only over HTTPS").isEmpty();
        assertThat(page.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
    }

    @Test
    void healthShowsComponentNamesAndDetailsToAdministratorsOnly() throws Exception {
        HttpResponse<String> anonymous = newBrowser().get("/actuator/health");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("documentStore");
        StaffHttpClient reviewer = newBrowser();
        reviewer.login("reviewer", PASSWORD);
        assertThat(reviewer.get("/actuator/health").body()).doesNotContain("components");
        StaffHttpClient admin = newBrowser();
        admin.login("admin", PASSWORD);
        assertThat(admin.get("/actuator/health").body()).contains("\"db\"").contains("\"documentStore\"");
    }

    private int failedPasswordChecks(String actor) {
        return jdbc.sql("select count(*) from audit_record where actor = :actor and action = 'LOGIN_FAILED'")
                .param("actor", actor).query(Integer.class).single();
    }

    private java.util.List<String> lockedKeys() {
        return jdbc.sql("select throttle_key from login_throttle where locked_until is not null").query(String.class).list();
    }

    private StaffHttpClient newBrowser() {
        return new StaffHttpClient(port);
    }
}
