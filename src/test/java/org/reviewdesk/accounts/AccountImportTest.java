package org.reviewdesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reviewdesk.accounts.ImportFiles.line;
import static org.reviewdesk.accounts.ImportFiles.residentId;
import static org.reviewdesk.accounts.ImportFiles.row;
import static org.reviewdesk.accounts.ImportFiles.utf8;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.Languages;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@ApplicationTest
@WithMockUser(username = "admin", roles = "ADMIN")
class AccountImportTest {

    @Autowired
    AccountImport imports;
    @Autowired
    EnterpriseAccounts accounts;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> brokenRules() {
        String code = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String id = residentId(7);
        String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        String badIdCheck = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        return Stream.of(
                Arguments.of("code missing", line("", "甲公司", "企业", "张三", "居民身份证", id, "13812345678", "ACTIVE", "2020-01-15"), "rules.uscc.empty"),
                Arguments.of("code too short", line("91440300", "甲公司", "企业", "张三", "居民身份证", id, "13812345678", "ACTIVE", "2020-01-15"), "rules.uscc.wrongLength"),
                Arguments.of("letter O in the code", line(code.substring(0, 10) + "O" + code.substring(11), "甲公司", "企业", "张三", "居民身份证", id, "13812345678", "ACTIVE", "2020-01-15"), "rules.uscc.invalidCharacter"),
                Arguments.of("check character", line(wrongCheck, "甲公司", "企业", "张三", "居民身份证", id, "13812345678", "ACTIVE", "2020-01-15"), "accounts.import.refused.usccCheckCharacter"),
                Arguments.of("name missing", line(code, "", "企业", "张三", "居民身份证", id, "13812345678", "ACTIVE", "2020-01-15"), "accounts.import.refused.nameEmpty"),
                Arguments.of("name too long", line(code, "名".repeat(201), "企业", "张三", "居民身份证", id, "13812345678", "ACTIVE", "2020-01-15"), "accounts.import.refused.nameTooLong"),
                Arguments.of("name with a right-to-left override", line(code, "甲\u202E公司", "企业", "张三", "居民身份证", id, "13812345678", "ACTIVE", "2020-01-15"), "rules.text.hidden"),
                Arguments.of("representative with a zero-width space", line(code, "甲公司", "企业", "张\u200B三", "居民身份证", id, "13812345678", "ACTIVE", "2020-01-15"), "rules.text.hidden"),
                Arguments.of("unknown type", line(code, "甲公司", "公司", "张三", "居民身份证", id, "13812345678", "ACTIVE", "2020-01-15"), "accounts.import.refused.typeUnknown"),
                Arguments.of("type against the code", line(code, "甲公司", "事业单位", "张三", "居民身份证", id, "13812345678", "ACTIVE", "2020-01-15"), "accounts.import.refused.typeMismatch"),
                Arguments.of("representative missing", line(code, "甲公司", "企业", "", "居民身份证", id, "13812345678", "ACTIVE", "2020-01-15"), "accounts.import.refused.repNameEmpty"),
                Arguments.of("representative too long", line(code, "甲公司", "企业", "张".repeat(101), "居民身份证", id, "13812345678", "ACTIVE", "2020-01-15"), "accounts.import.refused.repNameTooLong"),
                Arguments.of("unknown ID type", line(code, "甲公司", "企业", "张三", "护照", id, "13812345678", "ACTIVE", "2020-01-15"), "accounts.import.refused.idTypeUnknown"),
                Arguments.of("ID check digit", line(code, "甲公司", "企业", "张三", "居民身份证", badIdCheck, "13812345678", "ACTIVE", "2020-01-15"), "rules.id.checkDigitMismatch"),
                Arguments.of("ID of another type", line(code, "甲公司", "企业", "张三", "港澳居民居住证", id, "13812345678", "ACTIVE", "2020-01-15"), "rules.id.wrongPrefix.HK_MACAU_RESIDENCE_PERMIT"),
                Arguments.of("landline for mobile", line(code, "甲公司", "企业", "张三", "居民身份证", id, "02812345678", "ACTIVE", "2020-01-15"), "rules.mobile.notAMobileNumber"),
                Arguments.of("unknown status", line(code, "甲公司", "企业", "张三", "居民身份证", id, "13812345678", "SUSPENDED", "2020-01-15"), "accounts.import.refused.statusUnknown"),
                Arguments.of("impossible date", line(code, "甲公司", "企业", "张三", "居民身份证", id, "13812345678", "ACTIVE", "2020-13-01"), "accounts.import.refused.openedOnUnreadable"),
                Arguments.of("future date", line(code, "甲公司", "企业", "张三", "居民身份证", id, "13812345678", "ACTIVE", "2999-01-01"), "accounts.import.refused.openedOnFuture"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void aRowBreakingARuleIsRefusedWithItsReasonInBothLanguagesAndTheGoodRowIsImported(String rule, String broken, String reasonKey) {
        String good = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        ImportReport report = imports.importCsv("rules.csv", utf8(row(good, "好公司" + good), broken));

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.refusals()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(3);
            assertThat(r.messageKey()).isEqualTo(reasonKey);
            String chinese = messages.getMessage(r.messageKey(), r.argumentArray(), Languages.CHINESE);
            String english = messages.getMessage(r.messageKey(), r.argumentArray(), Locale.ENGLISH);
            assertThat(chinese).isNotEqualTo(english).doesNotContain(r.messageKey());
            assertThat(chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).isTrue();
        });
        assertThat(accounts.findActive(good)).isPresent();
    }

    @Test
    void aCodeTwiceInOneFileIsRefusedTheSecondTime() {
        String code = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        ImportReport report = imports.importCsv("twice.csv", utf8(row(code, "甲"), row(code, "乙")));
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.refusals()).singleElement().satisfies(r -> {
            assertThat(r.messageKey()).isEqualTo("accounts.import.refused.duplicate");
            assertThat(r.arguments()).containsExactly("2");
        });
    }

    @Test
    void utf8WithAndWithoutBomAndGb18030ReadTheSameNames() {
        String a = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String b = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String c = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String text = ImportFiles.HEADER + "\r\n" + row(a, "成都锦江某某有限公司") + "\r\n";
        byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));

        assertThat(imports.importCsv("bom.csv", bom).charset()).isEqualTo("UTF-8 BOM");
        assertThat(imports.importCsv("plain.csv", text.replace(a, b).getBytes(StandardCharsets.UTF_8)).charset()).isEqualTo("UTF-8");
        ImportReport gbk = imports.importCsv("excel.csv", text.replace(a, c).getBytes(AccountCsv.GB18030));
        assertThat(gbk.charset()).isEqualTo("GB18030");

        assertThat(Stream.of(a, b, c).map(code -> accounts.findActive(code).orElseThrow().name()))
                .containsOnly("成都锦江某某有限公司");
    }

    @Test
    void chineseHeadersAreUnderstood() {
        String code = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String text = "统一社会信用代码,名称,法人类型,法定代表人,证件类型,证件号码,手机号码,状态,开户日期\n" + row(code, "中文表头公司") + "\n";
        assertThat(imports.importCsv("zh.csv", text.getBytes(StandardCharsets.UTF_8)).imported()).isEqualTo(1);
    }

    @Test
    void theSameFileTwiceChangesNothingTheSecondTime() {
        String a = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String b = TestCodes.uscc(LegalPersonType.INDIVIDUAL_BUSINESS);
        byte[] file = utf8(row(a, "甲有限公司"),
                line(b, "乙小吃店", "个体工商户", "李四", "RESIDENT_ID", residentId(99), "+86 138-1234-5678", "ACTIVE", "2021/3/5"));

        ImportReport first = imports.importCsv("same.csv", file);
        ImportReport second = imports.importCsv("same.csv", file);

        assertThat(first).extracting(ImportReport::imported, ImportReport::unchanged, ImportReport::updated, ImportReport::refused)
                .containsExactly(2, 0, 0, 0);
        assertThat(second).extracting(ImportReport::imported, ImportReport::unchanged, ImportReport::updated, ImportReport::refused)
                .containsExactly(0, 2, 0, 0);
        assertThat(accounts.history(a)).hasSize(1);
        assertThat(accounts.names(accounts.findActive(a).orElseThrow().id())).hasSize(1);
        EnterpriseAccount shop = accounts.findActive(b).orElseThrow();
        assertThat(shop.representativeMobile()).isEqualTo("13812345678");
        assertThat(shop.openedOn()).isEqualTo(java.time.LocalDate.of(2021, 3, 5));
        assertThat(shop.source()).isEqualTo(AccountSource.IMPORT);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'ACCOUNTS_IMPORTED' and case_ref in (:a, :b)")
                .param("a", "IMPORT-" + first.importId()).param("b", "IMPORT-" + second.importId())
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select actor, file_name, imported, unchanged from account_import where id = :id")
                .param("id", second.importId()).query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3) + "/" + rs.getInt(4))
                .single()).isEqualTo("admin/same.csv/0/2");
    }

    @Test
    void aNewNameFromThePortalUpdatesTheAccountAndKeepsTheFormerNameFindable() {
        String code = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String id = residentId(1234);
        imports.importCsv("v1.csv", utf8(line(code, "旧名称示例有限公司", "企业", "王五", "居民身份证", id, "13700000001", "ACTIVE", "2019-05-01")));

        ImportReport report = imports.importCsv("v2.csv", utf8(line(code, "新名称示例有限公司", "企业", "王五", "居民身份证", id, "13700000002", "ACTIVE", "2019-05-01")));

        assertThat(report.updated()).isEqualTo(1);
        EnterpriseAccount account = accounts.findActive(code).orElseThrow();
        assertThat(account.name()).isEqualTo("新名称示例有限公司");
        assertThat(account.representativeMobile()).isEqualTo("13700000002");
        assertThat(accounts.names(account.id())).extracting(AccountName::name).containsExactly("旧名称示例有限公司", "新名称示例有限公司");
        assertThat(accounts.search("旧名称示例", 0, 10)).singleElement().satisfies(m -> {
            assertThat(m.account().uscc()).isEqualTo(code);
            assertThat(m.formerName()).isEqualTo("旧名称示例有限公司");
        });
    }

    @Test
    void anAccountOpenedByARegistrationHereIsNotOverwrittenByTheImport() {
        String code = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        accounts.open(code, "本平台注册公司", LegalPersonType.ENTERPRISE, "赵六", "RD20261204000001", "system");

        ImportReport report = imports.importCsv("conflict.csv", utf8(row(code, "门户里的旧名字")));

        assertThat(report.refusals()).singleElement().satisfies(r -> {
            assertThat(r.messageKey()).isEqualTo("accounts.import.refused.openedHere");
            assertThat(r.arguments()).containsExactly("RD20261204000001");
        });
        assertThat(accounts.findActive(code).orElseThrow().name()).isEqualTo("本平台注册公司");
    }

    @Test
    void aDeregisteredRowIsKeptAsAnOldAccountBesideTheActiveOne() {
        String code = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        ImportReport report = imports.importCsv("history.csv", utf8(
                line(code, "老账号公司", "企业", "钱七", "居民身份证", residentId(5), "13600000001", "DEREGISTERED", "2015-01-01"),
                line(code, "新账号公司", "企业", "孙八", "居民身份证", residentId(6), "13600000002", "ACTIVE", "2022-01-01")));

        assertThat(report.imported()).isEqualTo(2);
        assertThat(accounts.history(code)).extracting(EnterpriseAccount::status)
                .containsExactly(AccountStatus.ACTIVE, AccountStatus.DEREGISTERED);
    }

    @Test
    void aFileWithoutTheColumnsIsRefusedWhole() {
        assertThatThrownBy(() -> imports.importCsv("wrong.csv", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(org.reviewdesk.platform.UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("accounts.import.error.missingColumns"));
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void onlyAnAdministratorMayImport() {
        String code = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        assertThatThrownBy(() -> imports.importCsv("x.csv", utf8(row(code, "不该导入的公司"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(accounts.findActive(code)).isEmpty();
    }

    @Test
    void searchFindsByExactCodeAndPagesNameFragments() {
        String a = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String b = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        imports.importCsv("search.csv", utf8(row(a, "分页检索测试甲公司"), row(b, "分页检索测试乙公司")));

        assertThat(accounts.search(a.toLowerCase(Locale.ROOT), 0, 10)).extracting(m -> m.account().uscc()).containsExactly(a);
        assertThat(accounts.count("分页检索测试")).isEqualTo(2);
        var pages = Stream.of(accounts.search("分页检索测试", 0, 1), accounts.search("分页检索测试", 1, 1))
                .map(page -> assertThat(page).hasSize(1).first().actual().account().name()).toList();
        assertThat(pages).containsExactlyInAnyOrder("分页检索测试甲公司", "分页检索测试乙公司");
        assertThat(accounts.search("100%", 0, 10)).isEmpty();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
