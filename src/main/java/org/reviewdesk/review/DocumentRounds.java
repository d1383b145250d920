package org.reviewdesk.review;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The verdicts per document of each request for new versions, for the processes that keep none of
 * their own: what {@link PreviousRound} shows in the round after the applicant's answer. Callers
 * check the user's rights; {@link #requested} runs in the caller's transaction, with its decision.
 */
@Component
public class DocumentRounds {

    private final JdbcClient jdbc;
    private final Clock clock;

    DocumentRounds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps the verdicts of a request for new versions decided now. */
    public void requested(String processKey, String caseRef, List<DocumentVerdict> verdicts) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into review_document_round (process_key, case_ref, decided_at) values (:process, :ref, :at)")
                .param("process", processKey).param("ref", caseRef).param("at", OffsetDateTime.now(clock))
                .update(key, "id");
        long round = key.getKey().longValue();
        for (DocumentVerdict v : verdicts) {
            jdbc.sql("insert into review_document_round_verdict (round_id, slot, verdict, reason) values (:round, :slot, :verdict, :reason)")
                    .param("round", round).param("slot", v.slot()).param("verdict", v.kind().name()).param("reason", v.reason())
                    .update();
        }
    }

    /** The verdicts of the case's latest request for new versions ({@link PreviousRound#NONE} before one). */
    public PreviousRound last(String processKey, String caseRef) {
        return jdbc.sql("""
                select id, decided_at from review_document_round where process_key = :process and case_ref = :ref
                order by id desc fetch first 1 rows only""")
                .param("process", processKey).param("ref", caseRef)
                .query((rs, i) -> new PreviousRound(rs.getObject(2, OffsetDateTime.class), verdicts(rs.getLong(1))))
                .optional().orElse(PreviousRound.NONE);
    }

    private List<DocumentVerdict> verdicts(long round) {
        return jdbc.sql("select slot, verdict, reason from review_document_round_verdict where round_id = :round order by slot")
                .param("round", round)
                .query((rs, i) -> new DocumentVerdict(rs.getString(1), DocumentVerdict.Kind.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }
}
