package org.reviewdesk.window;

import java.time.OffsetDateTime;
import org.reviewdesk.rules.IdType;

/** An original ID document seen at the window and checked against a case. The number is kept masked. */
public record InPersonVerification(String caseRef, String personRole, IdType idType, String idNumberMasked,
                                   String verifiedBy, String verifiedByName, OffsetDateTime verifiedAt) {
}
