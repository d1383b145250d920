package org.reviewdesk.review;

import java.time.OffsetDateTime;

/**
 * A page of one inbox tab, filtered and sorted.
 *
 * @param processKey only this process, or null for all
 * @param search an application number or credit code (exact, case-insensitive) or a fragment of the
 *     case's title; null or blank for none
 * @param dueBefore only tasks due before this, or null
 * @param sort the order
 * @param offset first row (from 0)
 * @param limit rows, at most 200
 */
public record InboxQuery(InboxTab tab, String processKey, String search, OffsetDateTime dueBefore, Sort sort,
                         int offset, int limit) {

    public enum Sort { DUE, RECEIVED, PRIORITY }

    public static InboxQuery firstPage(InboxTab tab) {
        return new InboxQuery(tab, null, null, null, Sort.DUE, 0, 50);
    }
}
