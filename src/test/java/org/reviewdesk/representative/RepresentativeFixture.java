package org.reviewdesk.representative;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Set;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.TestDocuments;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.context.ApplicationContext;

/** Accounts and started cases of process 2 for tests, through the real services. */
public final class RepresentativeFixture {

    static final CurrentUser CLERK = new CurrentUser("window", Set.of(Role.WINDOW_CLERK));
    static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    static final CurrentUser REVIEWER2 = new CurrentUser("reviewer2", Set.of(Role.REVIEWER));
    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", Set.of(Role.SUPERVISOR));
    /** Works and supervises: the one person the four-eyes rule has to stop. */
    static final CurrentUser LEAD = new CurrentUser("lead", Set.of(Role.REVIEWER, Role.SUPERVISOR));
    static final String OLD_REPRESENTATIVE = "王五";
    static final String NEW_REPRESENTATIVE = "张三";

    private RepresentativeFixture() {
    }

    /** An ACTIVE account for a fresh out-of-province code of the type; its code. */
    static String account(ApplicationContext context, LegalPersonType type) {
        return account(context, TestCodes.uscc(type), type);
    }

    static String account(ApplicationContext context, String uscc, LegalPersonType type) {
        context.getBean(EnterpriseAccounts.class).open(uscc, "示例单位" + uscc.substring(10), type, OLD_REPRESENTATIVE,
                "TEST", "test");
        return uscc;
    }

    static ChangeRequest request(String uscc) {
        return ChangeRequest.byRepresentative(uscc, ChangeReason.REPRESENTATIVE_CHANGED, null, NEW_REPRESENTATIVE,
                IdType.RESIDENT_ID, "11010519491231002X", "13812345678");
    }

    /** A case started at the window with every document scanned, not yet submitted. */
    static ChangeStarted startedWithDocuments(ApplicationContext context, String uscc) {
        RepresentativeChanges changes = context.getBean(RepresentativeChanges.class);
        ChangeStarted started = changes.startAtWindow(request(uscc), CLERK, Locale.SIMPLIFIED_CHINESE);
        for (String slot : changes.requiredSlots(started.access())) {
            changes.uploadAtWindow(started.number(), slot, slot + ".png", "image/png", png(), CLERK);
        }
        return started;
    }

    /**
     * A legal-representative change of a fresh account named {@code enterpriseName} started at the window, submitted and past its
     * automated checks: waiting for a reviewer; its number. For other packages' tests (the README's pictures).
     */
    public static String inReview(ApplicationContext context, String enterpriseName) {
        String uscc = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        context.getBean(EnterpriseAccounts.class).open(uscc, enterpriseName, LegalPersonType.ENTERPRISE, OLD_REPRESENTATIVE, "TEST", "test");
        ChangeStarted started = startedWithDocuments(context, uscc);
        context.getBean(RepresentativeChanges.class).submitAtWindow(started.number(), CLERK);
        org.reviewdesk.CaseJobs.runAll(context, started.number());
        return started.number();
    }

    static ByteArrayInputStream png() {
        return new ByteArrayInputStream(TestDocuments.png());
    }
}
