package org.reviewdesk.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.reviewdesk.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tables of handling units ({@code V21__handling_units.sql}); read also by the engine's identity provider. */
@Component
class HandlingUnitRecords {

    private final JdbcClient jdbc;

    HandlingUnitRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<HandlingUnit> all() {
        return jdbc.sql("select * from handling_unit order by id").query(HandlingUnitRecords::row).list();
    }

    Optional<HandlingUnit> byCode(String code) {
        return jdbc.sql("select * from handling_unit where code = :code").param("code", code)
                .query(HandlingUnitRecords::row).optional();
    }

    Optional<HandlingUnit> byGroup(String group) {
        return jdbc.sql("select * from handling_unit where camunda_group = :group").param("group", group)
                .query(HandlingUnitRecords::row).optional();
    }

    /** The active units an enabled staff user is listed in, in one statement. */
    List<HandlingUnit> activeUnitsOfEnabledMember(String username) {
        return jdbc.sql("""
                select u.* from handling_unit u join handling_unit_member m on m.unit_id = u.id
                join staff_user s on s.username = m.username
                where m.username = :username and u.active = true and s.enabled = true order by u.camunda_group""")
                .param("username", username).query(HandlingUnitRecords::row).list();
    }

    List<String> members(String code) {
        return jdbc.sql("""
                select m.username from handling_unit_member m join handling_unit u on u.id = m.unit_id
                where u.code = :code order by m.username""").param("code", code).query(String.class).list();
    }

    void insert(String code, String nameZh, String nameEn, String group, OffsetDateTime now) {
        jdbc.sql("""
                insert into handling_unit (code, name_zh, name_en, camunda_group, active, created_at)
                values (:code, :zh, :en, :group, true, :now)""")
                .param("code", code).param("zh", nameZh).param("en", nameEn).param("group", group).param("now", now).update();
    }

    void update(String code, String nameZh, String nameEn, boolean active) {
        jdbc.sql("update handling_unit set name_zh = :zh, name_en = :en, active = :active where code = :code")
                .param("zh", nameZh).param("en", nameEn).param("active", active).param("code", code).update();
    }

    boolean addMember(String code, String username) {
        if (members(code).contains(username)) {
            return false;
        }
        jdbc.sql("insert into handling_unit_member (unit_id, username) select id, :username from handling_unit where code = :code")
                .param("username", username).param("code", code).update();
        return true;
    }

    boolean removeMember(String code, String username) {
        return jdbc.sql("""
                delete from handling_unit_member where username = :username
                and unit_id = (select id from handling_unit where code = :code)""")
                .param("username", username).param("code", code).update() > 0;
    }

    private static HandlingUnit row(ResultSet rs, int n) throws SQLException {
        String group = rs.getString("camunda_group");
        return new HandlingUnit(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), group,
                rs.getBoolean("active"), Role.ofCamundaGroup(group).isPresent());
    }
}
