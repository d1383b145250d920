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
 * @param state claimed, unclaimed or either (null: either)
 * @param assignee only tasks held by this username, or null; supervisors only
 * @param dueFrom only tasks due at or after this, or null (with {@code dueBefore}: a due window)
 */
public record InboxQuery(InboxTab tab, String processKey, String search, OffsetDateTime dueBefore, Sort sort,
                         int offset, int limit, ClaimState state, String assignee, OffsetDateTime dueFrom) {

    public enum Sort { DUE, RECEIVED, PRIORITY }

    /** Whether the task has an assignee. */
    public enum ClaimState { ANY, CLAIMED, UNCLAIMED }

    /** A query without the state, assignee and due-from filters. */
    public InboxQuery(InboxTab tab, String processKey, String search, OffsetDateTime dueBefore, Sort sort,
                      int offset, int limit) {
        this(tab, processKey, search, dueBefore, sort, offset, limit, ClaimState.ANY, null, null);
    }

    public static InboxQuery firstPage(InboxTab tab) {
        return new InboxQuery(tab, null, null, null, Sort.DUE, 0, 50);
    }
}
