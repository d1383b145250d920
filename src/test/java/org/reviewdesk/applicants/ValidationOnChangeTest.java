package org.reviewdesk.applicants;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reviewdesk.KaribuTestSupport;

/**
 * Issue 14 item 11: in the applicant forms of process 2 ({@code /change}) and process 3
 * ({@code /rename}), a wrong value shows its error as soon as it is typed, and the error goes as soon as
 * the field is corrected, without pressing the button again.
 */
class ValidationOnChangeTest extends KaribuTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"change, representativeMobile, start", "rename, applicantMobile, submit"})
    void aFieldsErrorShowsWhenTypedAndGoesWhenCorrected(String route, String mobileField, String button) {
        UI.getCurrent().navigate(route);
        TextField mobile = _get(TextField.class, spec -> spec.withId(mobileField));

        _setValue(mobile, "1380013");
        assertThat(mobile.isInvalid()).as("a wrong mobile number, at once").isTrue();
        assertThat(mobile.getErrorMessage()).isNotBlank();

        _setValue(mobile, "13800138000");
        assertThat(mobile.isInvalid()).as("corrected: the error goes").isFalse();

        TextField uscc = _get(TextField.class, spec -> spec.withId("uscc"));
        _click(_get(Button.class, spec -> spec.withId(button)));
        assertThat(uscc.isInvalid()).as("an empty code, on submit").isTrue();
        _setValue(uscc, "91510100MA61R8LX4K");
        assertThat(uscc.isInvalid()).as("the code typed: its error goes before the next submit").isFalse();
    }
}
