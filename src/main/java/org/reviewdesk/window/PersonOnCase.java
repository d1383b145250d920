package org.reviewdesk.window;

import org.reviewdesk.rules.IdType;

/**
 * A person a case names, whose original ID document a window clerk may check against it.
 *
 * @param role what the person is on the case, e.g. REPRESENTATIVE or AGENT (stored with the check)
 * @param roleLabelKey the bundle key of that role for people
 * @param idNumber the number the case holds, in full: compared by the service, never shown
 */
public record PersonOnCase(String role, String roleLabelKey, String name, IdType idType, String idNumber) {
}
