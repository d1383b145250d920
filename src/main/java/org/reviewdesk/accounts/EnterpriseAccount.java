package org.reviewdesk.accounts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.Masking;

/**
 * An enterprise account as other capabilities see it. The representative's ID number and mobile
 * are here in full for the services that compare them; screens show {@link #representativeIdNumberMasked()}
 * and {@link #representativeMobileMasked()} only.
 *
 * @param representativeIdType null for an account opened before the desk kept it
 * @param openedOn the day the portal opened the account (imports), or the day it was opened here
 * @param deregistrationFirstApprover who gave the first approval of a four-eyes deregistration (process 2), else null
 * @param deregistrationSecondApprover who gave its second approval, else null
 */
public record EnterpriseAccount(long id, String uscc, String name, LegalPersonType legalPersonType, String legalRepName,
                                AccountStatus status, String sourceCaseRef, OffsetDateTime createdAt,
                                OffsetDateTime deregisteredAt, String deregistrationReason,
                                IdType representativeIdType, String representativeIdNumber, String representativeMobile,
                                LocalDate openedOn, AccountSource source, String deregistrationCaseRef,
                                String deregistrationFirstApprover, String deregistrationSecondApprover) {

    public String representativeIdNumberMasked() {
        return Masking.idNumber(representativeIdNumber);
    }

    public String representativeMobileMasked() {
        return Masking.mobile(representativeMobile);
    }

    public String legalRepNameMasked() {
        return Masking.personName(legalRepName);
    }
}
