package org.reviewdesk.representative.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.SlowUploads;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.applicants.UploadPermits;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.representative.ChangeReason;
import org.reviewdesk.representative.ChangeRequest;
import org.reviewdesk.representative.ChangeStarted;
import org.reviewdesk.representative.RepresentativeChanges;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Process 2's public upload is guarded like registration's: the access code is checked before the
 * body is read, and one address runs only a few uploads at once (the permits are shared: one limit
 * for an address, whichever process it uploads to).
 */
@ApplicationTest
class RepresentativeApiUploadGuardTest {

    @LocalServerPort int port;
    @Autowired UploadPermits permits;
    @Autowired RepresentativeChanges changes;
    @Autowired EnterpriseAccounts accounts;
    @Value("${reviewdesk.registration.concurrent-uploads-per-address}") int perAddress;
    private SlowUploads uploads;

    @BeforeEach
    void sockets() {
        uploads = new SlowUploads(port);
    }

    @AfterEach
    void closeSockets() throws IOException {
        uploads.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> permits.running(SlowUploads.LOOPBACK) == 0);
    }

    @Test
    void aWrongCodeIsRefusedBeforeTheBodyIsRead() throws Exception {
        ChangeStarted started = started();

        String answer = SlowUploads.answer(uploads.start(path(started), "WRONG234", null));

        assertThat(answer).as("answered while 11 MB of the body were still unsent").startsWith("HTTP/1.1 401");
        assertThat(answer).contains("representative.access.denied");
    }

    @Test
    void oneAddressRunsOnlyAFewUploadsAtOnceAndTheNextIsToldWhy() throws Exception {
        ChangeStarted started = started();
        for (int i = 0; i < perAddress; i++) {
            uploads.start(path(started), started.accessCode(), null);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> permits.running(SlowUploads.LOOPBACK) == perAddress);

        Socket extra = uploads.start(path(started), started.accessCode(), "en");

        String answer = SlowUploads.answer(extra);
        assertThat(answer).startsWith("HTTP/1.1 429");
        assertThat(answer).contains("applicant.upload.tooManyAtOnce").contains("Too many uploads at once (at most " + perAddress);
    }

    private ChangeStarted started() {
        String uscc = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        accounts.open(uscc, "示例有限公司", LegalPersonType.ENTERPRISE, "王五", "IMPORT", "test");
        return changes.startAtWindow(ChangeRequest.byRepresentative(uscc, ChangeReason.REPRESENTATIVE_CHANGED, null, "张三",
                IdType.RESIDENT_ID, "11010519491231002X", "13912345678"),
                new CurrentUser("window", Set.of(Role.WINDOW_CLERK)), Locale.SIMPLIFIED_CHINESE);
    }

    private static String path(ChangeStarted started) {
        return RepresentativeApiTest.BASE + "/" + started.number() + "/documents/new-licence";
    }
}
