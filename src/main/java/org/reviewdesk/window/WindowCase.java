package org.reviewdesk.window;

import java.util.List;

/**
 * A case as the window clerk's case page shows it.
 *
 * @param processKey the process's key (its name comes from {@code StepNames})
 * @param stateLabelKey the bundle key of its state
 * @param slotLabelPrefix the bundle key of a slot's name is this prefix and the slot (e.g. {@code representative.slot.})
 * @param submittable documents may be scanned and the case submitted now
 * @param receipts the receipts the case has now
 */
public record WindowCase(String caseRef, String processKey, String stateLabelKey, String uscc, String organisationName,
                         List<Slot> slots, boolean submittable, List<Receipt> receipts) {

    public WindowCase {
        slots = List.copyOf(slots);
        receipts = List.copyOf(receipts);
    }

    /** A document slot: its id, its name's bundle key, and how many versions it holds. */
    public record Slot(String slot, String labelKey, int versions) {
    }

    /** A receipt: its id for {@link WindowCases#receipt}, its link's bundle key, the PDF's file name. */
    public record Receipt(String id, String labelKey, String fileName) {
    }
}
