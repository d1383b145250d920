package org.reviewdesk.representative;

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
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.documents.intake.DocumentUploadField;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.window.WindowCaseDesk;
import org.reviewdesk.window.WindowCaseView;
import org.reviewdesk.window.WindowView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Process 2 at the offline window: the clerk starts a case from the organisation's page, hands over the
 * number and the access code (shown once), scans each slot (a hostile file refused with its reason),
 * submits and prints the receipt; a clerk never reviews.
 */
class WindowChangeViewsTest extends KaribuTestSupport {

    @Autowired RepresentativeChanges changes;
    @Autowired RepresentativeReview reviews;
    @Autowired WindowCaseDesk caseDesk;
    @Autowired DocumentService documents;

    @Test
    void theClerkStartsFromTheOrganisationAndSeesTheAccessCodeOnce() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.SOCIAL_ORGANISATION);
        signInAs("window", Role.WINDOW_CLERK);
        UI.getCurrent().navigate(WindowView.class, QueryParameters.of("q", uscc));

        _click(_get(Button.class, s -> s.withId("window-action-representative")));
        assertThat(_get(TextField.class, s -> s.withId("uscc")).getValue()).isEqualTo(uscc);
        _setValue(_get(TextField.class, s -> s.withId("representativeName")), RepresentativeFixture.NEW_REPRESENTATIVE);
        _setValue(_get(TextField.class, s -> s.withId("representativeIdNumber")), "11010519491231002X");
        _setValue(_get(TextField.class, s -> s.withId("representativeMobile")), "13812345678");
        _click(_get(Button.class, s -> s.withId("start")));

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(WindowCaseView.class);
        String number = _get(Span.class, s -> s.withId("window-handover-number")).getText();
        String code = _get(Span.class, s -> s.withId("window-handover-code")).getText();
        assertThat(number).matches("DR\\d{14}");
        assertThat(changes.open(number, code, "198.51.100.40").number()).as("the code handed over opens the case").isEqualTo(number);

        UI.getCurrent().navigate(WindowCaseView.route(number));
        assertThat(_find(Span.class, s -> s.withId("window-handover-code"))).as("shown once").isEmpty();
        assertThat(_find(DocumentUploadField.class, s -> s.withId("window-slot-new-licence"))).hasSize(1);
    }

    @Test
    void theFormsRulesAreTheOnlineFormsAndRefusalsShowAtTheirFields() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.SOCIAL_ORGANISATION);
        signInAs("window", Role.WINDOW_CLERK);
        UI.getCurrent().navigate(WindowChangeView.ROUTE, QueryParameters.of("uscc", uscc));

        _setValue(_get(TextField.class, s -> s.withId("representativeName")), RepresentativeFixture.NEW_REPRESENTATIVE);
        _setValue(_get(TextField.class, s -> s.withId("representativeIdNumber")), "11010519491231002x");
        _setValue(_get(TextField.class, s -> s.withId("representativeMobile")), "13812345678");
        _click(_get(Button.class, s -> s.withId("start")));

        assertThat(_get(TextField.class, s -> s.withId("representativeIdNumber")).isInvalid()).isTrue();
        assertThat(changes.openDeregistration(uscc)).as("nothing opened").isEmpty();
    }

    @Test
    void aHostileScanIsRefusedWithItsReasonAndNothingIsStored() throws Exception {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.SOCIAL_ORGANISATION);
        signInAs("window", Role.WINDOW_CLERK);
        ChangeStarted started = changes.startAtWindow(RepresentativeFixture.request(uscc), RepresentativeFixture.CLERK,
                Locale.SIMPLIFIED_CHINESE);

        assertThatThrownBy(() -> caseDesk.upload(started.number(), "new-licence", "licence.pdf", "application/pdf",
                new ByteArrayInputStream(scriptedPdf())))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.refused.javascript"));
        assertThatThrownBy(() -> caseDesk.upload(started.number(), "new-licence", "licence.pdf", "application/pdf",
                new ByteArrayInputStream("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UserFacingException.class);
        assertThat(documents.versions(started.number(), "new-licence")).isEmpty();
    }

    @Test
    void theClerkScansSubmitsAndPrintsTheReceiptButCannotReview() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.SOCIAL_ORGANISATION);
        signInAs("window", Role.WINDOW_CLERK);
        ChangeStarted started = changes.startAtWindow(RepresentativeFixture.request(uscc), RepresentativeFixture.CLERK,
                Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate(WindowCaseView.route(started.number()));

        _click(_get(Button.class, s -> s.withId("window-case-submit")));
        assertThat(_get(Span.class, s -> s.withId("window-case-submit-error")).getText()).contains("材料");
        for (String slot : changes.requiredSlots(started.access())) {
            caseDesk.upload(started.number(), slot, slot + ".png", "image/png", RepresentativeFixture.png());
        }
        _click(_get(Button.class, s -> s.withId("window-case-submit")));

        assertThat(_get(Div.class, s -> s.withId("window-case-documents")).getElement().getTextRecursively())
                .contains("材料已提交");
        assertThat(_get(Anchor.class, s -> s.withId("window-receipt-acceptance")).getText()).contains("受理回执");
        assertThat(caseDesk.receipt(started.number(), ChangeReceipt.ACCEPTANCE.name())).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> reviews.decideFirst(started.number(), new ReviewDecision.Approve(null), RepresentativeFixture.CLERK))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyAWindowClerkWorksOnACaseAtTheWindow() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.SOCIAL_ORGANISATION);
        ChangeStarted started = changes.startAtWindow(RepresentativeFixture.request(uscc), RepresentativeFixture.CLERK,
                Locale.SIMPLIFIED_CHINESE);
        signInAs("reviewer", Role.REVIEWER);

        assertThatThrownBy(() -> caseDesk.load(started.number())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> caseDesk.submit(started.number())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> changes.statusAtWindow(started.number(), RepresentativeFixture.REVIEWER))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static byte[] scriptedPdf() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi')"));
            document.save(out);
            return out.toByteArray();
        }
    }
}
