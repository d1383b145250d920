package org.reviewdesk.platform;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normalisation of a staff username, used by the directory's lookup and the login throttle
 * alike. If they differed, each spelling of a name ({@code admin\u3000}, {@code \u2000admin}) would
 * get attempts of its own and still sign in as the same user.
 */
public final class StaffUsernames {

    /** What a username may be, after {@link #normalise}: anything else is refused before it is counted. */
    public static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9._-]{2,63}");

    private StaffUsernames() {
    }

    /** Unicode white space stripped at both ends, lower case. */
    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the normalised name could be a user at all. */
    public static boolean isValid(String normalised) {
        return PATTERN.matcher(normalised).matches();
    }
}
