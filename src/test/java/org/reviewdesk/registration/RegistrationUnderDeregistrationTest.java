package org.reviewdesk.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.representative.ChangeReason;
import org.reviewdesk.representative.ChangeRequest;
import org.reviewdesk.representative.RepresentativeChanges;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A registration for a credit code whose deregistration (process 2) is still open is refused with the case's state. */
@ApplicationTest
class RegistrationUnderDeregistrationTest {

    @Autowired ApplicationContext context;
    @Autowired RegistrationService registrations;
    @Autowired RepresentativeChanges changes;
    @Autowired EnterpriseAccounts accounts;

    @Test
    void aRegistrationForACodeUnderOpenDeregistrationIsRefusedWithTheCasesState() {
        String uscc = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        ApplicantForm form = new ApplicantForm(LegalPersonType.ENTERPRISE, "深圳市示例科技有限公司", uscc, false, "张三",
                IdType.RESIDENT_ID, "11010519491231002X", "13812345678", false, null, null, null, null, "13812345678", null);
        DraftCreated draft = MobileProofFixture.createDraft(context, form);
        for (String slot : registrations.requiredSlots(LegalPersonType.ENTERPRISE, false)) {
            registrations.upload(draft.access(), slot, slot + ".png", "image/png", new ByteArrayInputStream(TestDocuments.png()));
        }
        // meanwhile the code's existing account (imported) is being deregistered at the window
        accounts.open(uscc, "深圳市示例科技有限公司", LegalPersonType.ENTERPRISE, "王五", "IMPORT", "test");
        changes.startAtWindow(ChangeRequest.byRepresentative(uscc, ChangeReason.REPRESENTATIVE_CHANGED, null, "张三",
                IdType.RESIDENT_ID, "11010519491231002X", "13812345678"),
                new CurrentUser("window", Set.of(Role.WINDOW_CLERK)), Locale.SIMPLIFIED_CHINESE);

        assertThatThrownBy(() -> registrations.submit(draft.access(), true)).isInstanceOf(FormRefusedException.class)
                .satisfies(e -> assertThat(((FormRefusedException) e).errors()).extracting(error -> error.message().key())
                        .contains("registration.uscc.openDeregistration.AWAITING_DOCUMENTS"));
        assertThat(registrations.status(draft.access()).state()).isEqualTo(RegistrationState.DRAFT);
    }
}
