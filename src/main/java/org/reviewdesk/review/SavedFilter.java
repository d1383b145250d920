package org.reviewdesk.review;

import org.reviewdesk.platform.CurrentUser;

/**
 * A named inbox filter as its owner saved it.
 *
 * @param ownerName the owner's display name, for filters shared by a colleague
 * @param groupId the Camunda group it is shared with, or null when it is the owner's alone
 */
record SavedFilter(long id, String owner, String ownerName, String name, String groupId, InboxFilter filter) {

    boolean ownedBy(CurrentUser user) {
        return owner.equals(user.username());
    }
}
