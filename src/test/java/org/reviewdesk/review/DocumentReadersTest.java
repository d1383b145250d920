package org.reviewdesk.review;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.documents.intake.Access;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.ReviewFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who reads a case's documents: the roles that handle the case's process, as its adapter declares them
 * (registration: reviewers and supervisors; the test process of another team: hotline agents), and
 * nobody for a case no process claims. On the workbench's document panel, which a hotline agent or an
 * administrator cannot even build for a registration, and through the document service underneath.
 */
class DocumentReadersTest extends KaribuTestSupport {

    static final CurrentUser REVIEWER = new CurrentUser("doc-reviewer", Set.of(Role.REVIEWER));
    static final CurrentUser SUPERVISOR = new CurrentUser("doc-supervisor", Set.of(Role.SUPERVISOR));
    static final CurrentUser HOTLINE = new CurrentUser("doc-hotline", Set.of(Role.HOTLINE_AGENT));
    static final CurrentUser ADMIN = new CurrentUser("doc-admin", Set.of(Role.ADMIN));
    static final String ID_FRONT = "id-representative-front";

    @Autowired ProcessDocumentReaders readers;
    @Autowired DocumentService documents;
    @Autowired BusinessTime time;
    @Autowired JdbcClient jdbc;

    @Test
    void aProcesssHandlersReadItsCasesAndNobodyElseDoes() {
        String registration = "RD20261204000001";
        String otherTeam = "GT12345678";

        assertThat(readers.mayRead(REVIEWER, registration)).isTrue();
        assertThat(readers.mayRead(SUPERVISOR, registration)).isTrue();
        assertThat(readers.mayRead(HOTLINE, registration)).isFalse();
        assertThat(readers.mayRead(ADMIN, registration)).isFalse();
        // a process whose own roles are hotline agents: they read its cases, reviewers do not
        assertThat(readers.mayRead(HOTLINE, otherTeam)).isTrue();
        assertThat(readers.mayRead(REVIEWER, otherTeam)).isFalse();
    }

    @Test
    void aCaseNoProcessClaimsIsReadByNobody() {
        assertThat(readers.mayRead(REVIEWER, "CASE-1")).isFalse();
        assertThat(readers.mayRead(SUPERVISOR, "rd20261204000001")).isFalse();
        assertThat(readers.mayRead(ADMIN, "CASE-1")).isFalse();
    }

    @Test
    void aReviewerGetsTheDocumentPanelOfARegistration() throws Exception {
        signInAs(REVIEWER.username(), Role.REVIEWER);
        String number = ReviewFixture.inReview(context, "长沙示例有限公司");

        DocumentInfo idScan = documents.versions(number, ID_FRONT).get(0);

        UI.getCurrent().add(panel(number, REVIEWER));

        assertThat(_find(Div.class, spec -> spec.withId("slot-" + ID_FRONT))).hasSize(1);
        // the download's address is Vaadin's random resource URL: neither the numeric id nor the public one
        String href = _get(Anchor.class, spec -> spec.withClasses("workbench-version__download")).getHref();
        assertThat(href).isNotBlank().doesNotContain("/api/documents").doesNotContain(idScan.publicId().toString());
        assertThat(href.split("[/?=&]")).doesNotContain(String.valueOf(idScan.id()));
        try (var original = documents.openOriginal(idScan.publicId(), Access.staff(REVIEWER))) {
            assertThat(original.size()).isPositive();
        }
    }

    @Test
    void aHotlineAgentOrAnAdministratorGetsNoDocumentPanelAndNoPageOfARegistration() {
        signInAs(HOTLINE.username(), Role.HOTLINE_AGENT);
        String number = ReviewFixture.inReview(context, "南昌示例有限公司");
        DocumentInfo idScan = documents.versions(number, ID_FRONT).get(0);

        assertThatThrownBy(() -> panel(number, HOTLINE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> panel(number, ADMIN)).isInstanceOf(AccessDeniedException.class);
        // and what the panel's downloads would read, asked directly
        assertThatThrownBy(() -> documents.openOriginal(idScan.id(), Access.staff(HOTLINE))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents.openPreview(idScan.publicId(), 1, Access.staff(ADMIN))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents.crossCheck(idScan.id(), Access.staff(HOTLINE), null, null)).isInstanceOf(AccessDeniedException.class);

        List<String> refused = jdbc.sql("select actor from audit_record where case_ref = :c and action = :a order by id")
                .param("c", number).param("a", DocumentService.AUDIT_READ_REFUSED).query(String.class).list();
        assertThat(refused).containsExactly(HOTLINE.username(), ADMIN.username(), HOTLINE.username(), ADMIN.username(),
                HOTLINE.username());
        assertThat(jdbc.sql("select count(*) from audit_record where case_ref = :c and action = :a")
                .param("c", number).param("a", DocumentService.AUDIT_VIEW_ID_SCAN).query(Integer.class).single()).isZero();
    }

    private DocumentPanel panel(String number, CurrentUser user) {
        DocumentPanel.Case shown = new DocumentPanel.Case(number,
                List.of(new DecisionForm.Slot(ID_FRONT, "registration.slot." + ID_FRONT)), Set.of(), null, null);
        return new DocumentPanel(documents, Access.staff(user), shown, time);
    }
}
