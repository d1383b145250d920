package org.reviewdesk.platform;

import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Showing a full mobile or ID number (SPEC: "showing a full value is an audited act"): every reveal
 * writes an audit record (who, when, which case or organisation, which field, on which screen) and
 * counts against the user's daily allowance ({@code reviewdesk.reveal.per-user-per-day}); beyond it the
 * reveal is refused, and the refusal is audited too. The capability that holds the value decides who
 * may see it (its service checks the role) and hands the value over only through here.
 *
 * <p>The count is one row per user and business day, raised by a conditional update: parallel reveals
 * on any number of nodes queue on that row and never pass the limit.
 */
@Service
public class PersonalDataReveals {

    public static final String REVEALED = "PERSONAL_DATA_REVEALED";
    public static final String REFUSED = "PERSONAL_DATA_REVEAL_REFUSED";

    /** A value shown in full, and how much of today's allowance is used with it. */
    public record Revealed(String value, int usedToday, int perDay) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final BusinessTime time;
    private final RevealProperties properties;
    private final TransactionTemplate ownTransaction;

    PersonalDataReveals(JdbcClient jdbc, AuditLog audit, BusinessTime time, RevealProperties properties,
                        PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.time = time;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Counts and audits one reveal by the signed-in user, then returns the value.
     *
     * @param subject the case number or credit code the value belongs to (the audit record's case)
     * @param screen where it was shown, for the audit detail (e.g. {@code hotline})
     * @param value the full value, read only once the reveal is allowed
     * @throws UserFacingException {@code platform.reveal.limitReached} beyond the daily limit,
     *     {@code platform.reveal.nothing} when there is no value to show (nothing is counted)
     */
    @Transactional
    public Revealed reveal(String subject, PersonalDataField field, String screen, Supplier<String> value) {
        CurrentUser user = CurrentUser.require();
        LocalDate today = time.today();
        int limit = properties.perUserPerDay();
        ensureCounter(user.username(), today);
        int counted = jdbc.sql("""
                        update personal_data_reveal_count set revealed = revealed + 1
                        where actor = :actor and reveal_day = :day and revealed < :limit""")
                .param("actor", user.username()).param("day", today).param("limit", limit).update();
        if (counted == 0) {
            audit.recordNow(user.username(), REFUSED, subject, field.name() + " on " + screen + ": daily limit of " + limit + " reached");
            throw new UserFacingException("platform.reveal.limitReached", limit);
        }
        String full = value.get();
        if (full == null || full.isBlank()) {
            throw new UserFacingException("platform.reveal.nothing");
        }
        audit.record(user.username(), REVEALED, subject, field.name() + " on " + screen);
        return new Revealed(full, usedToday(user.username(), today), limit);
    }

    /** How many values the signed-in user has revealed today, and the limit. */
    @Transactional(readOnly = true)
    public Revealed allowance() {
        CurrentUser user = CurrentUser.require();
        return new Revealed(null, usedToday(user.username(), time.today()), properties.perUserPerDay());
    }

    private int usedToday(String actor, LocalDate day) {
        return jdbc.sql("select revealed from personal_data_reveal_count where actor = :actor and reveal_day = :day")
                .param("actor", actor).param("day", day).query(Integer.class).optional().orElse(0);
    }

    /** The day's row, inserted on its own: two first reveals at once insert it once (on PostgreSQL a failed insert would abort the reveal's transaction). */
    private void ensureCounter(String actor, LocalDate day) {
        ownTransaction.executeWithoutResult(status -> {
            boolean present = jdbc.sql("select count(*) from personal_data_reveal_count where actor = :actor and reveal_day = :day")
                    .param("actor", actor).param("day", day).query(Integer.class).single() > 0;
            if (!present) {
                try {
                    jdbc.sql("insert into personal_data_reveal_count (actor, reveal_day, revealed) values (:actor, :day, 0)")
                            .param("actor", actor).param("day", day).update();
                } catch (DuplicateKeyException insertedByAnotherNode) {
                    status.setRollbackOnly();
                }
            }
        });
    }
}
