package org.reviewdesk.hotline;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The caller's earlier contacts with the hotline, for the case screen: the record of an organisation
 * lists its work orders and a search by mobile lists the caller's, with or without an organisation.
 * {@link WorkOrderCases} implements it over the work orders (process 4); without any bean the screen
 * shows no such list (never a made-up one).
 */
public interface CallerHistory {

    /** Work orders of a caller by the mobile they called from or gave, newest first, at most {@code limit}. */
    List<EarlierContact> byMobile(String mobile, int limit);

    /** Work orders linked to an organisation's credit code, newest first, at most {@code limit}. */
    List<EarlierContact> byOrganisation(String uscc, int limit);

    /**
     * One earlier contact as the case screen lists it.
     *
     * @param ref its number as read out to the caller (e.g. GD…)
     * @param summary a line the agent recognises it by (category and a few words), already masked
     * @param stateLabelKey the bundle key of its state
     * @param due when its current step is due, or null
     * @param route the page that opens it for the signed-in user, or null (then a read-only line)
     */
    record EarlierContact(String ref, String summary, String stateLabelKey, boolean open, OffsetDateTime receivedAt,
                          OffsetDateTime due, String route) {
    }
}
