package org.reviewdesk.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import org.reviewdesk.rules.WorkingDayCalendar;

/**
 * What the inbox's filter bar shows and a saved filter remembers (as JSON, never Java
 * serialization): the tab, the filters, the search and the sort. Unknown JSON properties are
 * ignored, so a filter saved by a newer version still opens.
 *
 * @param processKey null for every process
 * @param assignee a username (supervisors' filter), or null
 * @param dueDays the n of {@link DueWindow#WORKING_DAYS}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record InboxFilter(InboxTab tab, String processKey, String search, InboxQuery.ClaimState state, String assignee,
                   DueWindow dueWindow, int dueDays, InboxQuery.Sort sort) {

    static final int DEFAULT_DUE_DAYS = 3;
    /** Longer than any number, code or name fragment; keeps a saved filter's JSON small. */
    static final int MAX_SEARCH_LENGTH = 100;

    InboxFilter {
        tab = tab == null ? InboxTab.MINE : tab;
        processKey = blankToNull(processKey);
        search = blankToNull(search);
        if (search != null && search.length() > MAX_SEARCH_LENGTH) {
            search = search.substring(0, MAX_SEARCH_LENGTH);
        }
        state = state == null ? InboxQuery.ClaimState.ANY : state;
        assignee = blankToNull(assignee);
        dueWindow = dueWindow == null ? DueWindow.ANY : dueWindow;
        dueDays = Math.max(0, Math.min(dueDays, DueWindow.MAX_WORKING_DAYS));
        sort = sort == null ? InboxQuery.Sort.DUE : sort;
    }

    static InboxFilter of(InboxTab tab) {
        return new InboxFilter(tab, null, null, null, null, null, DEFAULT_DUE_DAYS, null);
    }

    /**
     * This filter as the user may apply it: a filter shared by a supervisor may name the ALL tab or an
     * assignee, which a reviewer's inbox does not offer; those parts are left out instead of refused.
     */
    InboxFilter forUser(boolean supervisor) {
        if (supervisor) {
            return this;
        }
        return new InboxFilter(tab == InboxTab.ALL ? InboxTab.UNCLAIMED : tab, processKey, search, state, null,
                dueWindow, dueDays, sort);
    }

    /** The query of one page, with the due window placed around {@code now}. */
    InboxQuery query(InboxQuery.Sort order, int offset, int limit, WorkingDayCalendar calendar, OffsetDateTime now) {
        DueWindow.Bounds due = dueWindow.bounds(dueDays, calendar, now);
        return new InboxQuery(tab, processKey, search, due.before(), order == null ? sort : order, offset, limit, state,
                assignee, due.from());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
