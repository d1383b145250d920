package org.reviewdesk.accounts;

import java.time.OffsetDateTime;
import org.reviewdesk.rules.LegalPersonType;

/** An enterprise account as other capabilities see it. */
public record EnterpriseAccount(long id, String uscc, String name, LegalPersonType legalPersonType, String legalRepName,
                                AccountStatus status, String sourceCaseRef, OffsetDateTime createdAt,
                                OffsetDateTime deregisteredAt, String deregistrationReason) {
}
