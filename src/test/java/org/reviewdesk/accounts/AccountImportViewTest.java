package org.reviewdesk.accounts;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewdesk.accounts.ImportFiles.row;
import static org.reviewdesk.accounts.ImportFiles.utf8;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.Role;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;

/** An administrator uploads the portal's file and reads which rows were refused and why. */
class AccountImportViewTest extends KaribuTestSupport {

    @Autowired
    EnterpriseAccounts accounts;

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorUploadsAFileAndSeesTheReportWithTheRefusedRows() {
        signInAs("admin", Role.ADMIN);
        UI.getCurrent().navigate(AccountImportView.class);
        String good = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        byte[] file = utf8(row(good, "界面导入测试有限公司"), row("91440300ABC", "坏代码公司"));

        UploadKt._upload(_get(Upload.class, s -> s.withId("account-import-upload")), "门户账号.csv", "text/csv", file);

        assertThat(_get(Paragraph.class, s -> s.withId("account-import-result")).getText())
                .contains("门户账号.csv", "UTF-8", "共2行", "新导入1个", "拒绝1行");
        Grid<RowRefusal> refusals = _get(Grid.class, s -> s.withId("account-import-refusals"));
        assertThat(GridKt._size(refusals)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(refusals, 0)).containsExactly("3", "91440300ABC", "统一社会信用代码应为18位，您输入了11位，请对照证照核对。");
        assertThat(_get(Anchor.class, s -> s.withId("account-import-download-link")).getText()).isEqualTo("下载拒绝原因（CSV）");
        assertThat(accounts.findActive(good)).isPresent();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRowWhoseNewerNameWasKeptIsNotedForTheAdministrator() {
        signInAs("admin", Role.ADMIN);
        String code = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String line = row(code, "界面旧名称有限公司");
        UI.getCurrent().navigate(AccountImportView.class);
        UploadKt._upload(_get(Upload.class, s -> s.withId("account-import-upload")), "a.csv", "text/csv", utf8(line));
        accounts.rename(code, "界面新名称有限公司", "NC20261204000077", "reviewer");

        UploadKt._upload(_get(Upload.class, s -> s.withId("account-import-upload")), "a.csv", "text/csv", utf8(line));

        Grid<RowRefusal> notes = _get(Grid.class, s -> s.withId("account-import-notes"));
        assertThat(notes.isVisible()).isTrue();
        assertThat(GridKt._getFormattedRow(notes, 0)).containsExactly("2", code,
                "保留名称变更案件NC20261204000077的较新名称“界面新名称有限公司”，未改回文件中的“界面旧名称有限公司”。");
        assertThat(accounts.findActive(code).orElseThrow().name()).isEqualTo("界面新名称有限公司");
    }

    @Test
    void theUploadSpeaksTheUsersLanguage() {
        signInAs("admin", Role.ADMIN);
        UI.getCurrent().navigate(AccountImportView.class);

        Upload upload = _get(Upload.class, s -> s.withId("account-import-upload"));

        // Vaadin's own "Upload File..." and "Drop file here" would show in either language
        assertThat(upload.getI18n().getAddFiles().getOne()).isEqualTo("选择CSV文件");
        assertThat(upload.getI18n().getDropFiles().getOne()).isEqualTo("或将文件拖到这里");
    }

    @Test
    void theDownloadedReasonsOpenInExcelAndCannotRunFormulas() {
        byte[] csv = AccountImportView.refusalCsv(List.of(RowRefusal.of(7, "=HYPERLINK(\"x\")", "k")), r -> "原因, 含逗号",
                List.of("行号", "统一社会信用代码", "原因"));
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"行号\",");
        assertThat(text).contains("7,\"'=HYPERLINK(\"\"x\"\")\",\"原因, 含逗号\"");
    }

    @Test
    void otherStaffCannotOpenTheImport() {
        signInAs("reviewer", Role.REVIEWER, Role.SUPERVISOR, Role.WINDOW_CLERK);
        assertThat(org.reviewdesk.window.WindowViewTest.opens(AccountImportView.class)).isFalse();
    }
}
