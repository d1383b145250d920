package org.reviewdesk.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The language each staff member chose, in the shared database: a choice made in one browser holds
 * after sign-in from another, on any node. Each statement commits on its own, so a second node's insert
 * of the same first choice (a duplicate key) leaves nothing aborted and becomes an update.
 */
@Component
class StaffLanguages {

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffLanguages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Locale> of(String username) {
        return jdbc.sql("select language from staff_language where username = :username")
                .param("username", username)
                .query(String.class).optional()
                .map(tag -> Languages.supported(Locale.forLanguageTag(tag)));
    }

    void remember(String username, Locale locale) {
        String tag = Languages.supported(locale).toLanguageTag();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (update(username, tag, now) > 0) {
            return;
        }
        try {
            jdbc.sql("insert into staff_language (username, language, chosen_at) values (:username, :language, :now)")
                    .param("username", username).param("language", tag).param("now", now).update();
        } catch (DuplicateKeyException chosenAtTheSameMomentElsewhere) {
            update(username, tag, now);
        }
    }

    private int update(String username, String tag, OffsetDateTime now) {
        return jdbc.sql("update staff_language set language = :language, chosen_at = :now where username = :username")
                .param("username", username).param("language", tag).param("now", now).update();
    }
}
