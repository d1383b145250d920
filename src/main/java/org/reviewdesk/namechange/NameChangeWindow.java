package org.reviewdesk.namechange;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.window.OrganisationCase;
import org.reviewdesk.window.OrganisationCases;
import org.reviewdesk.window.PersonOnCase;
import org.reviewdesk.window.WindowAction;
import org.reviewdesk.window.WindowActions;
import org.reviewdesk.window.WindowCase;
import org.reviewdesk.window.WindowCases;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Process 3 at the offline window: the code's name changes, open ones first by recency, and the
 * person a case names for the in-person identity check (the applicant, whose ID document a case
 * started at the window records; an online case names none); "change the name" for a 企业 with an
 * ACTIVE account, which opens the clerk's start form ({@link WindowRenameView}) (other types take
 * process 2 with the reason "name changed", whose button process 2 offers); and the case's page at
 * the window (the licence slot, the scan, submit, the receipt), each call through {@link NameChanges},
 * which checks the clerk.
 */
@Component
class NameChangeWindow implements OrganisationCases, WindowActions, WindowCases {

    static final String RECEIPT = "RECEIPT";
    private static final Pattern NUMBER = Pattern.compile("NC\\d{14}");

    private final NameChangeRecords records;
    private final NameChanges changes;

    NameChangeWindow(NameChangeRecords records, NameChanges changes) {
        this.records = records;
        this.changes = changes;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganisationCase> casesFor(String uscc) {
        if (uscc == null || uscc.isBlank()) {
            return List.of();
        }
        return records.forCode(uscc.strip().toUpperCase(Locale.ROOT)).stream()
                .map(c -> new OrganisationCase(NameChangeProcess.KEY, c.number(), c.state().messageKey(),
                        !c.state().isFinal(), c.createdAt(), c.state() == NameChangeState.IN_REVIEW ? c.reviewDue() : null))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<List<PersonOnCase>> peopleOn(String caseRef) {
        return caseRef == null ? Optional.empty() : records.byNumber(caseRef).map(c -> c.applicantIdNumber() == null ? List.of()
                : List.of(new PersonOnCase("APPLICANT", "namechange.window.applicant", c.applicantName(), c.applicantIdType(),
                        c.applicantIdNumber())));
    }

    /** Only a 企业 with an ACTIVE account changes its name here. */
    @Override
    public List<WindowAction> actionsFor(String uscc, Optional<EnterpriseAccount> active) {
        if (active.isEmpty() || active.get().legalPersonType() != LegalPersonType.ENTERPRISE) {
            return List.of();
        }
        return List.of(new WindowAction(300, "namechange", "namechange.window.start", WindowRenameView.ROUTE, Map.of("uscc", uscc)));
    }

    // ---- the case's page at the window ----------------------------------------------------------------

    @Override
    public boolean handles(String caseRef) {
        return caseRef != null && NUMBER.matcher(caseRef).matches();
    }

    @Override
    public WindowCase load(String caseRef, CurrentUser clerk) {
        NameChangeStatus s = changes.statusAtWindow(caseRef, clerk);
        boolean renamed = s.state() == NameChangeState.RENAMED;
        List<WindowCase.Receipt> receipts = s.receiptAvailable()
                ? List.of(new WindowCase.Receipt(RECEIPT, renamed ? "namechange.receipt.downloadConfirmation" : "namechange.receipt.download",
                        NameChangeReceipt.fileName(s.number(), renamed)))
                : List.of();
        return new WindowCase(s.number(), NameChangeProcess.KEY, s.state().messageKey(), s.uscc(), s.oldName(),
                List.of(new WindowCase.Slot(NameChanges.LICENCE_SLOT, "namechange.slot." + NameChanges.LICENCE_SLOT, s.licenceVersions())),
                s.state() == NameChangeState.STARTED, receipts);
    }

    @Override
    public DocumentInfo upload(String caseRef, String slot, String originalName, String declaredType, InputStream in,
                               CurrentUser clerk) {
        return changes.uploadAtWindow(caseRef, slot, originalName, declaredType, in, clerk);
    }

    @Override
    public void submit(String caseRef, CurrentUser clerk) {
        changes.submitAtWindow(caseRef, clerk);
    }

    @Override
    public byte[] receipt(String caseRef, String receiptId, CurrentUser clerk) {
        if (!RECEIPT.equals(receiptId)) {
            throw new UserFacingException("namechange.receipt.notYet");
        }
        return changes.receiptPdf(caseRef, clerk);
    }
}
