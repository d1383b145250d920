package org.reviewdesk.registration;

import org.reviewdesk.review.DocumentVerdict;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reviewdesk.review.PreviousRound;
import org.reviewdesk.review.StatedReason;
import org.reviewdesk.rules.RuleMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The check results and the timeline of applications: append and read, in the caller's transaction. */
@Component
class RegistrationRecords {

    /** The timeline kind of a request for documents (its verdicts hold the reason per slot). */
    static final String DECIDED_REQUEST = "DECIDED_" + RegistrationProcess.Decision.REQUEST_DOCUMENTS.name();
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

    /** Replaces the earlier result of the same check (a re-run after new documents), in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    void saveCheck(long applicationId, String check, CheckResult.Outcome outcome, RuleMessage message) {
        jdbc.sql("""
                merge into registration_check c
                using (select cast(:id as bigint) as application_id, cast(:check as varchar(40)) as check_name) s
                  on c.application_id = s.application_id and c.check_name = s.check_name
                when matched then update set outcome = :outcome, message_key = :key, arguments = :arguments, checked_at = :at
                when not matched then insert (application_id, check_name, outcome, message_key, arguments, checked_at)
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

    /** Appends an event to the timeline; returns its id (a decision's verdicts refer to it). */
    @Transactional(propagation = Propagation.MANDATORY)
    long event(long applicationId, String kind, String actor, String detail, boolean applicantVisible) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into registration_event (application_id, occurred_at, kind, actor, detail, applicant_visible)
                values (:id, :at, :kind, :actor, :detail, :visible)""")
                .param("id", applicationId).param("at", now()).param("kind", kind)
                .param("actor", actor.length() > 100 ? actor.substring(0, 100) : actor)
                .param("detail", detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000))
                .param("visible", applicantVisible)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<TimelineEntry> timeline(long applicationId, boolean applicantView) {
        Map<Long, List<DocumentVerdict>> verdicts = applicantView ? Map.of() : verdicts(applicationId);
        return jdbc.sql("""
                select id, occurred_at, kind, actor, detail from registration_event
                where application_id = :id and (applicant_visible or :all) order by occurred_at, id""")
                .param("id", applicationId).param("all", !applicantView)
                .query((rs, i) -> new TimelineEntry(rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), verdicts.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    /** A decision's verdicts per document, in the order given, with the decision's timeline event. */
    @Transactional(propagation = Propagation.MANDATORY)
    void saveVerdicts(long applicationId, long eventId, List<DocumentVerdict> verdicts) {
        for (DocumentVerdict v : verdicts) {
            jdbc.sql("""
                    insert into registration_document_verdict (event_id, application_id, slot, verdict, reason)
                    values (:event, :id, :slot, :verdict, :reason)""")
                    .param("event", eventId).param("id", applicationId).param("slot", v.slot())
                    .param("verdict", v.kind().name()).param("reason", v.reason())
                    .update();
        }
    }

    /** The reason per slot of the latest request for documents (empty if it had none). */
    Map<String, String> requestedReasons(long applicationId) {
        Map<String, String> reasons = new LinkedHashMap<>();
        jdbc.sql("""
                select v.slot, v.reason from registration_document_verdict v
                where v.verdict = :needed and v.event_id = (select max(e.id) from registration_event e
                    where e.application_id = :id and e.kind = :kind)""")
                .param("needed", DocumentVerdict.Kind.NEW_VERSION_NEEDED.name()).param("id", applicationId)
                .param("kind", DECIDED_REQUEST)
                .query((rs, i) -> reasons.put(rs.getString(1), rs.getString(2)))
                .list();
        return reasons;
    }

    /** The verdicts of the latest request for documents, for the round after it (none before one). */
    PreviousRound lastRequest(long applicationId) {
        return jdbc.sql("""
                select id, occurred_at from registration_event
                where application_id = :id and kind = :kind order by id desc fetch first 1 rows only""")
                .param("id", applicationId).param("kind", DECIDED_REQUEST)
                .query((rs, i) -> new PreviousRound(rs.getObject(2, OffsetDateTime.class),
                        verdicts(applicationId).getOrDefault(rs.getLong(1), List.of())))
                .optional().orElse(PreviousRound.NONE);
    }

    private Map<Long, List<DocumentVerdict>> verdicts(long applicationId) {
        Map<Long, List<DocumentVerdict>> byEvent = new HashMap<>();
        jdbc.sql("select event_id, slot, verdict, reason from registration_document_verdict where application_id = :id")
                .param("id", applicationId)
                .query((rs, i) -> byEvent.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new DocumentVerdict(rs.getString(2), DocumentVerdict.Kind.valueOf(rs.getString(3)), rs.getString(4))))
                .list();
        return byEvent;
    }

    /** The texts of a rejection's reasons as stated at decision time. */
    @Transactional(propagation = Propagation.MANDATORY)
    void saveRejectionReasons(long applicationId, List<StatedReason> reasons) {
        for (int i = 0; i < reasons.size(); i++) {
            jdbc.sql("""
                    insert into registration_rejection_reason (application_id, position, code, text_zh, text_en)
                    values (:id, :position, :code, :zh, :en)""")
                    .param("id", applicationId).param("position", i).param("code", reasons.get(i).code())
                    .param("zh", reasons.get(i).textZh()).param("en", reasons.get(i).textEn())
                    .update();
        }
    }

    List<StatedReason> rejectionReasons(long applicationId) {
        return jdbc.sql("select code, text_zh, text_en from registration_rejection_reason where application_id = :id order by position")
                .param("id", applicationId)
                .query((rs, i) -> new StatedReason(rs.getString(1), rs.getString(2), rs.getString(3)))
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
