package org.reviewdesk.representative;

import java.util.Locale;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.applicants.ApplicantFields;
import org.reviewdesk.rules.IdType;

/**
 * Whether the "new" representative of a case is the one the account already has. When the account
 * holds its representative's ID number, the number decides: the same name with another number is
 * another person (namesakes are common), the same number is the same person however the name is
 * spelt. Only an account without a number (opened before the desk kept it) is compared by name.
 */
final class RepresentativeOnRecord {

    private RepresentativeOnRecord() {
    }

    static boolean isOnRecord(EnterpriseAccount account, String name, IdType idType, String idNumber) {
        String recordedNumber = account.representativeIdNumber();
        if (recordedNumber != null && !recordedNumber.isBlank()) {
            boolean sameType = account.representativeIdType() == null || account.representativeIdType() == idType;
            return sameType && idNumber != null && normalised(recordedNumber).equals(normalised(idNumber));
        }
        return ApplicantFields.sameName(account.legalRepName(), name);
    }

    private static String normalised(String number) {
        return number.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
