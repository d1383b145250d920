package org.reviewdesk.namechange;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.registration.MobileProofFixture;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.documents.intake.DocumentUploadField;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.registration.TestDocuments;
import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.window.InPersonVerifications;
import org.reviewdesk.window.WindowCaseDesk;
import org.reviewdesk.window.WindowCaseView;
import org.reviewdesk.window.WindowView;
import org.reviewdesk.window.WindowViewTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Process 3 at the offline window: the clerk starts a 企业's name change from the organisation's page
 * with the applicant's ID document, hands over the number and the access code (shown once), checks the
 * applicant's original ID against the case, scans the licence (a hostile file refused), submits and
 * prints the receipt; a non-企业 is offered no name change; only a window clerk works the case.
 */
class WindowRenameViewsTest extends KaribuTestSupport {

    @Autowired NameChanges changes;
    @Autowired NameChangeReview reviews;
    @Autowired WindowCaseDesk caseDesk;
    @Autowired InPersonVerifications verifications;
    @Autowired DocumentService documents;

    @Test
    void theClerkStartsFromTheOrganisationAndSeesTheAccessCodeOnce() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        signInAs("window", Role.WINDOW_CLERK);
        UI.getCurrent().navigate(WindowView.class, QueryParameters.of("q", uscc));

        _click(_get(Button.class, s -> s.withId("window-action-namechange")));
        assertThat(_get(TextField.class, s -> s.withId("uscc")).getValue()).isEqualTo(uscc);
        fillIn(NameChangeFixture.APPLICANT_ID);
        _click(_get(Button.class, s -> s.withId("start")));

        assertThat(currentView()).isInstanceOf(WindowCaseView.class);
        String number = _get(Span.class, s -> s.withId("window-handover-number")).getText();
        String code = _get(Span.class, s -> s.withId("window-handover-code")).getText();
        assertThat(number).matches("NC\\d{14}");
        assertThat(changes.open(number, code, "198.51.100.41").number()).as("the code handed over opens the case").isEqualTo(number);

        UI.getCurrent().navigate(WindowCaseView.route(number));
        assertThat(_find(Span.class, s -> s.withId("window-handover-code"))).as("shown once").isEmpty();
        assertThat(_find(DocumentUploadField.class, s -> s.withId("window-slot-new-licence"))).hasSize(1);
    }

    @Test
    void aNonEnterpriseIsOfferedNoNameChangeOnlyProcessTwo() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.SOCIAL_ORGANISATION);
        signInAs("window", Role.WINDOW_CLERK);
        UI.getCurrent().navigate(WindowView.class, QueryParameters.of("q", uscc));

        assertThat(_find(Button.class, s -> s.withId("window-action-namechange"))).isEmpty();
        assertThat(_find(Button.class, s -> s.withId("window-action-representative"))).hasSize(1);

        UI.getCurrent().navigate(WindowRenameView.ROUTE, QueryParameters.of("uscc", uscc));
        assertThat(_get(Anchor.class, s -> s.withId("change-link")).getHref()).isEqualTo("window/representative?reason=NAME_CHANGED");
    }

    @Test
    void theFieldRulesAreTheOnlineFormsPlusTheApplicantsIdAndRefusalsShowAtTheirFields() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        signInAs("window", Role.WINDOW_CLERK);
        UI.getCurrent().navigate(WindowRenameView.ROUTE, QueryParameters.of("uscc", uscc));

        fillIn("11010519491231002x1");
        _setValue(_get(TextField.class, s -> s.withId("applicantMobile")), "12345");
        _click(_get(Button.class, s -> s.withId("start")));

        assertThat(_get(TextField.class, s -> s.withId("applicantIdNumber")).isInvalid()).isTrue();
        assertThat(_get(TextField.class, s -> s.withId("applicantMobile")).isInvalid()).isTrue();
        assertThat(currentView()).isInstanceOf(WindowRenameView.class);

        fillIn("");
        _click(_get(Button.class, s -> s.withId("start")));
        assertThat(_get(TextField.class, s -> s.withId("applicantIdNumber")).isInvalid()).as("required at the window").isTrue();
        assertThat(context.getBean(NameChangeWindow.class).casesFor(uscc)).as("nothing opened").isEmpty();
    }

    @Test
    void theClerkChecksTheApplicantsOriginalIdAgainstTheCase() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        signInAs("window", Role.WINDOW_CLERK);
        NameChangeStarted started = changes.startAtWindow(NameChangeFixture.request(uscc, NameChangeFixture.NEW_NAME),
                NameChangeFixture.CLERK, Locale.SIMPLIFIED_CHINESE);

        assertThatThrownBy(() -> verifications.record(started.number(), IdType.RESIDENT_ID, "11010519491231003X"))
                .hasFieldOrPropertyWithValue("messageKey", "window.identity.mismatch");
        assertThat(verifications.record(started.number(), IdType.RESIDENT_ID, "002X").personRole()).isEqualTo("APPLICANT");
        assertThat(verifications.find(started.number())).singleElement()
                .satisfies(v -> assertThat(v.idNumberMasked()).doesNotContain("19491231"));
    }

    @Test
    void anOnlineCaseNamesNoIdDocumentAndTheCheckSaysSoInsteadOfAMismatch() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted online = changes.startOnline(new NameChangeRequest(uscc, NameChangeFixture.NEW_NAME, "张三", "13812345678"),
                MobileProofFixture.proof(context, "13812345678"), Locale.SIMPLIFIED_CHINESE);
        signInAs("window", Role.WINDOW_CLERK);

        assertThatThrownBy(() -> verifications.record(online.number(), IdType.RESIDENT_ID, NameChangeFixture.APPLICANT_ID))
                .hasFieldOrPropertyWithValue("messageKey", "window.identity.nobodyOnCase");

        UI.getCurrent().navigate(WindowCaseView.route(online.number()));
        _setValue(_get(TextField.class, s -> s.withId("window-identity-number")), NameChangeFixture.APPLICANT_ID);
        _click(_get(Button.class, s -> s.withId("window-identity-record")));
        assertThat(_get(Paragraph.class, s -> s.withId("window-identity-result")).getText()).contains("未登记任何人员的身份证件");
    }

    @Test
    void aHostileScanIsRefusedWithItsReasonAndNothingIsStored() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        signInAs("window", Role.WINDOW_CLERK);
        NameChangeStarted started = changes.startAtWindow(NameChangeFixture.request(uscc, NameChangeFixture.NEW_NAME),
                NameChangeFixture.CLERK, Locale.SIMPLIFIED_CHINESE);

        assertThatThrownBy(() -> caseDesk.upload(started.number(), NameChanges.LICENCE_SLOT, "licence.pdf", "application/pdf",
                new ByteArrayInputStream("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UserFacingException.class);
        assertThat(documents.versions(started.number(), NameChanges.LICENCE_SLOT)).isEmpty();
    }

    @Test
    void theClerkScansSubmitsAndPrintsTheReceiptButCannotReview() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        signInAs("window", Role.WINDOW_CLERK);
        NameChangeStarted started = changes.startAtWindow(NameChangeFixture.request(uscc, NameChangeFixture.NEW_NAME),
                NameChangeFixture.CLERK, Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate(WindowCaseView.route(started.number()));

        _click(_get(Button.class, s -> s.withId("window-case-submit")));
        assertThat(_get(Span.class, s -> s.withId("window-case-submit-error")).getText()).contains("营业执照");
        caseDesk.upload(started.number(), NameChanges.LICENCE_SLOT, "licence.pdf", "application/pdf",
                new ByteArrayInputStream(TestDocuments.pdf("Business licence " + uscc + " " + NameChangeFixture.NEW_NAME)));
        _click(_get(Button.class, s -> s.withId("window-case-submit")));

        assertThat(_get(Div.class, s -> s.withId("window-case-documents")).getElement().getTextRecursively()).contains("材料已提交");
        assertThat(_get(Anchor.class, s -> s.withId("window-receipt-receipt")).getText()).contains("受理回执");
        assertThat(caseDesk.receipt(started.number(), NameChangeWindow.RECEIPT)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> reviews.decide(started.number(), new ReviewDecision.Approve(null), NameChangeFixture.CLERK))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyAWindowClerkWorksOnACaseAtTheWindow() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted started = changes.startAtWindow(NameChangeFixture.request(uscc, NameChangeFixture.NEW_NAME),
                NameChangeFixture.CLERK, Locale.SIMPLIFIED_CHINESE);
        signInAs("reviewer", Role.REVIEWER);

        assertThatThrownBy(() -> caseDesk.load(started.number())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> caseDesk.submit(started.number())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> changes.statusAtWindow(started.number(), NameChangeFixture.REVIEWER))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(WindowViewTest.opens(WindowRenameView.class)).as("the start form is the clerk's").isFalse();
    }

    private void fillIn(String idNumber) {
        _setValue(_get(TextField.class, s -> s.withId("newName")), NameChangeFixture.NEW_NAME);
        _setValue(_get(TextField.class, s -> s.withId("applicantName")), "张三");
        _setValue(_get(TextField.class, s -> s.withId("applicantIdNumber")), idNumber);
        _setValue(_get(TextField.class, s -> s.withId("applicantMobile")), "13812345678");
    }
}
