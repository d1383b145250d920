package org.reviewdesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewdesk.accounts.ImportFiles.line;
import static org.reviewdesk.accounts.ImportFiles.residentId;
import static org.reviewdesk.accounts.ImportFiles.utf8;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A re-import of the portal's list after a name change (process 3) renamed an account: the list's
 * name is the older one, so the account keeps its newer name and the report notes the row, in the
 * administrator's language; the row's other data is taken as usual.
 */
@ApplicationTest
@WithMockUser(username = "admin", roles = "ADMIN")
class AccountImportKeepsRenamesTest {

    static final String CASE = "NC20261204000042";

    @Autowired AccountImport imports;
    @Autowired EnterpriseAccounts accounts;
    @Autowired MessageSource messages;

    @Test
    void aReImportKeepsTheNameANameChangeGaveTheAccountAndSaysSo() {
        String code = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String row = line(code, "成都旧名称有限公司", "企业", "张三", "居民身份证", residentId(4242), "13900004242", "ACTIVE", "2020-01-15");
        imports.importCsv("portal.csv", utf8(row));
        accounts.rename(code, "成都新名称有限公司", CASE, "reviewer");

        ImportReport again = imports.importCsv("portal.csv", utf8(row));

        EnterpriseAccount account = accounts.findActive(code).orElseThrow();
        assertThat(account.name()).isEqualTo("成都新名称有限公司");
        assertThat(accounts.names(account.id())).extracting(AccountName::name).containsExactly("成都旧名称有限公司", "成都新名称有限公司");
        assertThat(again.unchanged()).as("nothing else differs").isEqualTo(1);
        assertThat(again.updated()).isZero();
        assertThat(again.refusals()).isEmpty();
        assertThat(again.notes()).singleElement().satisfies(note -> {
            assertThat(note.row()).isEqualTo(2);
            assertThat(note.code()).isEqualTo(code);
            assertThat(note.messageKey()).isEqualTo("accounts.import.note.keptNewerName");
            assertThat(messages.getMessage(note.messageKey(), note.argumentArray(), Locale.SIMPLIFIED_CHINESE))
                    .contains("成都新名称有限公司", CASE, "成都旧名称有限公司", "保留");
            assertThat(messages.getMessage(note.messageKey(), note.argumentArray(), Locale.ENGLISH))
                    .contains("Kept the newer name", CASE, "the file's");
        });
    }

    @Test
    void theRowsOtherDataIsStillTakenWithTheNewerNameKept() {
        String code = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String id = residentId(4343);
        imports.importCsv("portal.csv", utf8(line(code, "绵阳旧名称有限公司", "企业", "张三", "居民身份证", id, "13900004343", "ACTIVE", "2020-01-15")));
        accounts.rename(code, "绵阳新名称有限公司", CASE, "reviewer");

        ImportReport again = imports.importCsv("portal.csv",
                utf8(line(code, "绵阳旧名称有限公司", "企业", "张三", "居民身份证", id, "13900009999", "ACTIVE", "2020-01-15")));

        EnterpriseAccount account = accounts.findActive(code).orElseThrow();
        assertThat(account.name()).isEqualTo("绵阳新名称有限公司");
        assertThat(account.representativeMobile()).isEqualTo("13900009999");
        assertThat(again.updated()).isEqualTo(1);
        assertThat(again.notes()).hasSize(1);
        assertThat(accounts.names(account.id())).extracting(AccountName::name).containsExactly("绵阳旧名称有限公司", "绵阳新名称有限公司");
    }

    @Test
    void aNameTheImportItselfGaveIsStillUpdatedByTheNextImport() {
        String code = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String id = residentId(4444);
        imports.importCsv("a.csv", utf8(line(code, "德阳甲有限公司", "企业", "张三", "居民身份证", id, "13900004444", "ACTIVE", "2020-01-15")));
        imports.importCsv("b.csv", utf8(line(code, "德阳乙有限公司", "企业", "张三", "居民身份证", id, "13900004444", "ACTIVE", "2020-01-15")));

        ImportReport third = imports.importCsv("c.csv",
                utf8(line(code, "德阳丙有限公司", "企业", "张三", "居民身份证", id, "13900004444", "ACTIVE", "2020-01-15")));

        assertThat(accounts.findActive(code).orElseThrow().name()).as("no case renamed it: the portal's list is taken")
                .isEqualTo("德阳丙有限公司");
        assertThat(third.notes()).isEmpty();
        assertThat(third.updated()).isEqualTo(1);
    }
}
