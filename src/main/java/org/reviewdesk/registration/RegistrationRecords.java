package org.reviewdesk.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.reviewdesk.rules.RuleMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The check results and the timeline of applications: append and read, in the caller's transaction. */
@Component
class RegistrationRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Clock clock;

    RegistrationRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** Replaces the earlier result of the same check (a re-run after new documents). */
    @Transactional(propagation = Propagation.MANDATORY)
    void saveCheck(long applicationId, String check, CheckResult.Outcome outcome, RuleMessage message) {
        jdbc.sql("delete from registration_check where application_id = :id and check_name = :check")
                .param("id", applicationId).param("check", check).update();
        jdbc.sql("""
                insert into registration_check (application_id, check_name, outcome, message_key, arguments, checked_at)
                values (:id, :check, :outcome, :key, :arguments, :at)""")
                .param("id", applicationId).param("check", check).param("outcome", outcome.name())
                .param("key", message.key()).param("arguments", json(message.arguments()))
                .param("at", now())
                .update();
    }

    List<CheckResult> checks(long applicationId) {
        return jdbc.sql("""
                select check_name, outcome, message_key, arguments, checked_at from registration_check
                where application_id = :id order by id""")
                .param("id", applicationId)
                .query((rs, i) -> new CheckResult(rs.getString(1), CheckResult.Outcome.valueOf(rs.getString(2)),
                        new RuleMessage(rs.getString(3), List.copyOf(strings(rs.getString(4)))),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void event(long applicationId, String kind, String actor, String detail, boolean applicantVisible) {
        jdbc.sql("""
                insert into registration_event (application_id, occurred_at, kind, actor, detail, applicant_visible)
                values (:id, :at, :kind, :actor, :detail, :visible)""")
                .param("id", applicationId).param("at", now()).param("kind", kind)
                .param("actor", actor.length() > 100 ? actor.substring(0, 100) : actor)
                .param("detail", detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000))
                .param("visible", applicantVisible)
                .update();
    }

    List<TimelineEntry> timeline(long applicationId, boolean applicantView) {
        return jdbc.sql("""
                select occurred_at, kind, actor, detail from registration_event
                where application_id = :id and (applicant_visible or :all) order by occurred_at, id""")
                .param("id", applicationId).param("all", !applicantView)
                .query((rs, i) -> new TimelineEntry(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
                        rs.getString(3), rs.getString(4)))
                .list();
    }

    private static String json(List<Object> arguments) {
        try {
            return JSON.writeValueAsString(arguments.stream().map(String::valueOf).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable check arguments: " + json, e);
        }
    }
}
