package org.reviewdesk.accounts;

import java.time.LocalDate;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;

/** A row that passed every rule, normalised as it will be stored. */
record ImportedRow(int row, String uscc, String name, LegalPersonType type, String repName, IdType idType,
                   String idNumber, String mobile, AccountStatus status, LocalDate openedOn) {

    /** The same row with another name (the account's newer one, kept). */
    ImportedRow withName(String newName) {
        return new ImportedRow(row, uscc, newName, type, repName, idType, idNumber, mobile, status, openedOn);
    }

    /** Whether an account already holds exactly this row's data. */
    boolean sameAs(EnterpriseAccount account) {
        return name.equals(account.name()) && type == account.legalPersonType() && repName.equals(account.legalRepName())
                && idType == account.representativeIdType() && idNumber.equals(account.representativeIdNumber())
                && mobile.equals(account.representativeMobile()) && openedOn.equals(account.openedOn())
                && status == account.status();
    }
}
