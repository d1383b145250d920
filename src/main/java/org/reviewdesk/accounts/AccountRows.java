package org.reviewdesk.accounts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.springframework.jdbc.core.RowMapper;

/** Accounts read with plain SQL (the import and the search read many at once). */
final class AccountRows {

    static final String COLUMNS = """
            a.id, a.uscc, a.name, a.legal_person_type, a.legal_rep_name, a.status, a.source_case_ref, a.created_at,
            a.deregistered_at, a.deregistration_reason, a.rep_id_type, a.rep_id_number, a.rep_mobile, a.opened_on,
            a.source, a.deregistration_case_ref, a.deregistration_first_approver, a.deregistration_second_approver""";

    static final RowMapper<EnterpriseAccount> MAPPER = AccountRows::map;

    private AccountRows() {
    }

    private static EnterpriseAccount map(ResultSet rs, int row) throws SQLException {
        String idType = rs.getString("rep_id_type");
        Date opened = rs.getDate("opened_on");
        return new EnterpriseAccount(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"),
                LegalPersonType.valueOf(rs.getString("legal_person_type")), rs.getString("legal_rep_name"),
                AccountStatus.valueOf(rs.getString("status")), rs.getString("source_case_ref"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("deregistered_at", OffsetDateTime.class),
                rs.getString("deregistration_reason"), idType == null ? null : IdType.valueOf(idType),
                rs.getString("rep_id_number"), rs.getString("rep_mobile"), opened == null ? null : opened.toLocalDate(),
                AccountSource.valueOf(rs.getString("source")), rs.getString("deregistration_case_ref"),
                rs.getString("deregistration_first_approver"), rs.getString("deregistration_second_approver"));
    }
}
