package org.reviewdesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.LegalPersonType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApplicationTest
class EnterpriseAccountsTest {

    @Autowired
    EnterpriseAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecondActiveAccountForACodeIsRefusedWithTheFaqGuidance() {
        accounts.open("914403001922038216", "深圳市某某科技有限公司", LegalPersonType.ENTERPRISE, "王五", "RD-T-1", "system");
        assertThatThrownBy(() -> accounts.open("914403001922038216", "另一家", LegalPersonType.ENTERPRISE, "赵六", "RD-T-2", "system"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("accounts.error.alreadyActive"));
        assertThat(accounts.history("914403001922038216")).hasSize(1);
    }

    @Test
    void theDatabaseItselfRefusesTwoActiveAccountsForOneCode() {
        jdbc.sql("""
                insert into enterprise_account (uscc, active_uscc, name, legal_person_type, legal_rep_name, status, created_at, version)
                values ('91350100M000100Y43', '91350100M000100Y43', 'A', 'ENTERPRISE', 'x', 'ACTIVE', current_timestamp, 0)""").update();
        assertThatThrownBy(() -> jdbc.sql("""
                insert into enterprise_account (uscc, active_uscc, name, legal_person_type, legal_rep_name, status, created_at, version)
                values ('91350100M000100Y43', '91350100M000100Y43', 'B', 'ENTERPRISE', 'y', 'ACTIVE', current_timestamp, 0)""").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void deregistrationKeepsTheAccountFreesTheCodeAndIsIdempotentPerCase() {
        accounts.open("91110108551385082Q", "北京某公司", LegalPersonType.ENTERPRISE, "钱七", "RD-T-3", "system");
        EnterpriseAccount first = accounts.deregister("91110108551385082Q", "原法定代表人无法联系", "RD-T-4", "supervisor");
        EnterpriseAccount again = accounts.deregister("91110108551385082Q", "原法定代表人无法联系", "RD-T-4", "supervisor");

        assertThat(first.status()).isEqualTo(AccountStatus.DEREGISTERED);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.deregisteredAt()).isEqualTo(first.deregisteredAt());
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'ACCOUNT_DEREGISTERED' and case_ref = 'RD-T-4'")
                .query(Integer.class).single()).isEqualTo(1);
        // the code is free: a new registration opens a new account, the old one stays on record
        accounts.open("91110108551385082Q", "北京某公司", LegalPersonType.ENTERPRISE, "孙八", "RD-T-5", "system");
        assertThat(accounts.history("91110108551385082Q")).extracting(EnterpriseAccount::status)
                .containsExactly(AccountStatus.ACTIVE, AccountStatus.DEREGISTERED);
    }

    @Test
    void deregisteringACodeWithoutAnActiveAccountIsRefused() {
        assertThatThrownBy(() -> accounts.deregister("12100000400000180E", "x", "RD-T-6", "supervisor"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("accounts.error.noActiveAccount"));
    }

    @Test
    void anEnterpriseIsRenamedWithItsHistoryKept() {
        EnterpriseAccount opened = accounts.open("91440300MA5EXAMPLE", "旧名称有限公司", LegalPersonType.ENTERPRISE, "周九", "RD-T-7", "system");
        accounts.rename("91440300MA5EXAMPLE", "新名称有限公司", "RD-T-8", "reviewer");
        assertThat(accounts.findActive("91440300MA5EXAMPLE")).hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("新名称有限公司"));
        assertThat(accounts.names(opened.id())).extracting(AccountName::name).containsExactly("旧名称有限公司", "新名称有限公司");
    }

    @Test
    void otherLegalPersonTypesMustDeregisterAndRegisterAgainToChangeTheirName() {
        accounts.open("11510000MB1690541M", "四川省某机关", LegalPersonType.ORGAN, "吴十", "RD-T-9", "system");
        assertThatThrownBy(() -> accounts.rename("11510000MB1690541M", "新名称", "RD-T-10", "reviewer"))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("accounts.error.renameNeedsReRegistration"));
    }
}
