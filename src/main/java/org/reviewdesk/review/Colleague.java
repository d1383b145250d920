package org.reviewdesk.review;

import java.text.Collator;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A staff member as a picker shows them: the name people know, and the username that identifies them. */
public record Colleague(String username, String displayName) {

    private static final Comparator<Colleague> BY_NAME = Comparator
            .comparing(Colleague::displayName, Collator.getInstance(Locale.CHINA))
            .thenComparing(Colleague::username);

    /** "张三 (zhangsan)", or the username alone when there is no other name. */
    public String label() {
        return displayName.equals(username) ? username : displayName + " (" + username + ")";
    }

    static List<Colleague> sorted(Collection<Colleague> colleagues) {
        return colleagues.stream().sorted(BY_NAME).toList();
    }
}
