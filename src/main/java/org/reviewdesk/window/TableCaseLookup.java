package org.reviewdesk.window;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link CaseLookup} over a process's case table that has a unique {@code number}, a {@code uscc}, a
 * column naming the organisation and an indexed, normalised contact mobile: the process names its
 * table and columns (constants of its own, never input), this class holds the queries once.
 */
public abstract class TableCaseLookup implements CaseLookup {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_]+");

    private final JdbcClient jdbc;
    private final String byNumber;
    private final String byMobile;
    private final String mobileOf;

    protected TableCaseLookup(JdbcClient jdbc, String table, String nameColumn, String mobileColumn) {
        for (String identifier : List.of(table, nameColumn, mobileColumn)) {
            if (!IDENTIFIER.matcher(identifier).matches()) {
                throw new IllegalArgumentException("not a plain SQL identifier: " + identifier);
            }
        }
        this.jdbc = jdbc;
        String columns = "select number, uscc, " + nameColumn + " as organisation_name from " + table;
        this.byNumber = columns + " where number = :number";
        this.byMobile = columns + " where " + mobileColumn + " = :mobile and number is not null order by id desc fetch first :limit rows only";
        this.mobileOf = "select " + mobileColumn + " from " + table + " where number = :number";
    }

    @Override
    public Optional<CaseHit> byNumber(String caseRef) {
        return jdbc.sql(byNumber).param("number", caseRef).query(TableCaseLookup::hit).optional();
    }

    @Override
    public List<CaseHit> byContactMobile(String mobile, int limit) {
        return jdbc.sql(byMobile).param("mobile", mobile).param("limit", limit).query(TableCaseLookup::hit).list();
    }

    @Override
    public Optional<String> contactMobile(String caseRef) {
        return jdbc.sql(mobileOf).param("number", caseRef).query(String.class).optional();
    }

    private static CaseHit hit(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CaseHit(rs.getString("number"), rs.getString("uscc"), rs.getString("organisation_name"));
    }
}
