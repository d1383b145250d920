package org.reviewdesk.representative;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.UserFacingException;
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
 * Process 2 at the offline window: the code's deregistration cases and the people a case names (for
 * the in-person identity check); "start a deregistration" for a code with an ACTIVE account, which
 * opens the clerk's start form ({@link WindowChangeView}); and the case's page at the window (slots,
 * scans, submit, receipts), each call through {@link RepresentativeChanges}, which checks the clerk.
 */
@Component
class RepresentativeWindow implements OrganisationCases, WindowActions, WindowCases {

    private static final Pattern NUMBER = Pattern.compile("DR\\d{14,}");

    private final RepresentativeRecords records;
    private final RepresentativeChanges changes;

    RepresentativeWindow(RepresentativeRecords records, RepresentativeChanges changes) {
        this.records = records;
        this.changes = changes;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganisationCase> casesFor(String uscc) {
        return records.forCode(uscc).stream()
                .map(c -> new OrganisationCase(RepresentativeProcess.KEY, c.number(), c.state().messageKey(),
                        !c.state().isFinal(), c.createdAt(), c.state() == ChangeState.IN_REVIEW ? c.reviewDue() : null))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<List<PersonOnCase>> peopleOn(String caseRef) {
        return records.byNumber(caseRef).map(c -> {
            List<PersonOnCase> people = new ArrayList<>();
            people.add(new PersonOnCase("REPRESENTATIVE", "representative.workbench.field.newRepresentative",
                    c.representativeName(), c.representativeIdType(), c.representativeIdNumber()));
            if (c.agentApplies()) {
                people.add(new PersonOnCase("AGENT", "representative.workbench.field.agent", c.agentName(), c.agentIdType(),
                        c.agentIdNumber()));
            }
            return people;
        });
    }

    /** Only an ACTIVE account can be deregistered; the form offers the three reasons, the service refuses a 企业's rename. */
    @Override
    public List<WindowAction> actionsFor(String uscc, Optional<EnterpriseAccount> active) {
        if (active.isEmpty()) {
            return List.of();
        }
        return List.of(new WindowAction(200, "representative", "representative.window.start", WindowChangeView.ROUTE,
                Map.of("uscc", uscc)));
    }

    // ---- the case's page at the window ----------------------------------------------------------------

    @Override
    public boolean handles(String caseRef) {
        return caseRef != null && NUMBER.matcher(caseRef).matches();
    }

    @Override
    public WindowCase load(String caseRef, CurrentUser clerk) {
        ChangeStatus s = changes.statusAtWindow(caseRef, clerk);
        List<WindowCase.Slot> slots = s.slots().stream()
                .map(slot -> new WindowCase.Slot(slot.slot(), RepresentativeWorkbench.slotKey(slot.slot()), slot.versions())).toList();
        List<WindowCase.Receipt> receipts = s.receipts().stream()
                .map(r -> new WindowCase.Receipt(r.name(), r.labelKey(), r.fileName(s.number()))).toList();
        return new WindowCase(s.number(), RepresentativeProcess.KEY, s.state().messageKey(), s.uscc(), s.accountName(), slots,
                s.state() == ChangeState.AWAITING_DOCUMENTS, receipts);
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
        ChangeReceipt kind = java.util.Arrays.stream(ChangeReceipt.values()).filter(r -> r.name().equals(receiptId)).findFirst()
                .orElseThrow(() -> new UserFacingException("representative.receipt.notYet"));
        return changes.receiptAtWindow(caseRef, kind, clerk);
    }
}
