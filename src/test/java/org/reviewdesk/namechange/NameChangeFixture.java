package org.reviewdesk.namechange;

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

/** Accounts and started cases of process 3 for tests, through the real services. */
public final class NameChangeFixture {

    static final CurrentUser CLERK = new CurrentUser("window", Set.of(Role.WINDOW_CLERK));
    static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    static final String OLD_NAME = "Example Trading Co Ltd";
    static final String NEW_NAME = "Example Holdings Co Ltd";

    private NameChangeFixture() {
    }

    /** An ACTIVE account named {@link #OLD_NAME} for a fresh out-of-province code of the type; its code. */
    static String account(ApplicationContext context, LegalPersonType type) {
        String uscc = TestCodes.uscc(type);
        context.getBean(EnterpriseAccounts.class).open(uscc, OLD_NAME, type, "王五", "TEST", "test");
        return uscc;
    }

    /** The applicant's ID number a window start records (the clerk checks the original against it). */
    static final String APPLICANT_ID = "11010519491231002X";

    /** A request as the window sends it: with the applicant's ID document (online requests may leave it out). */
    static NameChangeRequest request(String uscc, String newName) {
        return new NameChangeRequest(uscc, newName, "张三", "13812345678", IdType.RESIDENT_ID, APPLICANT_ID);
    }

    /** A licence PDF whose text layer shows the code and the name. */
    static LicenceFile licence(String uscc, String name) {
        return new LicenceFile("licence.pdf", "application/pdf",
                new ByteArrayInputStream(TestDocuments.pdf("Business licence " + uscc + " " + name)));
    }

    /** A photo of a licence: no text layer. */
    static LicenceFile photo() {
        return new LicenceFile("licence.png", "image/png", new ByteArrayInputStream(TestDocuments.png()));
    }

    /**
     * A name change of a fresh account named {@code oldName} to {@code newName}, started at the window with a
     * photo of the licence (the reviewer reads it: a PDF here could not show Chinese) and past its automated
     * checks: waiting for a reviewer; its number. For other packages' tests.
     */
    public static String inReview(ApplicationContext context, String oldName, String newName) {
        String uscc = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        context.getBean(EnterpriseAccounts.class).open(uscc, oldName, LegalPersonType.ENTERPRISE, "王五", "TEST", "test");
        String number = context.getBean(NameChanges.class).startAtWindow(request(uscc, newName), photo(), CLERK,
                Locale.SIMPLIFIED_CHINESE).number();
        org.reviewdesk.CaseJobs.runAll(context, number);
        return number;
    }

    /** A case started at the window with a licence showing the new name. */
    static NameChangeStarted started(ApplicationContext context, String uscc) {
        return context.getBean(NameChanges.class).startAtWindow(request(uscc, NEW_NAME), licence(uscc, NEW_NAME), CLERK,
                Locale.SIMPLIFIED_CHINESE);
    }
}
