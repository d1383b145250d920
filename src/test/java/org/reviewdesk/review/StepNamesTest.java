package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 14 item 8: step names come from the bundles per locale; the model's name is the fallback. */
@ApplicationTest
class StepNamesTest {

    @Autowired
    StepNames names;

    @Test
    void aStepIsNamedInTheReadersLanguageAndAnUnknownStepKeepsItsModelName() {
        assertThat(names.of("registration", "review", "人工审核", Locale.SIMPLIFIED_CHINESE)).isEqualTo("人工审核");
        assertThat(names.of("registration", "review", "人工审核", Locale.ENGLISH)).isEqualTo("Review");
        assertThat(names.of("registration", "noSuchStep", "某环节", Locale.ENGLISH)).isEqualTo("某环节");
        assertThat(names.of(null, "review", "人工审核", Locale.ENGLISH)).isEqualTo("人工审核");
    }

    @Test
    void theInboxShowsAShortProcessNameWhereTheBundleHasOneAndTheFullNameElsewhere() {
        assertThat(names.processShort("representativeChange", "法定代表人变更认证注销", Locale.ENGLISH)).isEqualTo("Rep. change & deregistration");
        assertThat(names.processShort("representativeChange", "x", Locale.SIMPLIFIED_CHINESE)).isEqualTo("法定代表人变更认证注销");
        assertThat(names.processShort("registration", "x", Locale.ENGLISH)).isEqualTo("Out-of-province registration");
        assertThat(names.processShort("noSuchProcess", "某流程", Locale.ENGLISH)).isEqualTo("某流程");
    }

    @Test
    void theDiagramIsRenamedForTheLocaleAndKeepsWhatHasNoKey() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
                  <bpmn:process id="registration" name="省外法人注册">
                    <bpmn:userTask id="review" name="人工审核"/>
                    <bpmn:userTask id="somethingNew" name="新环节"/>
                  </bpmn:process>
                </bpmn:definitions>""";

        String english = names.localise(xml, Locale.ENGLISH);

        assertThat(english).contains("name=\"Review\"", "name=\"新环节\"").doesNotContain("人工审核");
        assertThat(names.localise(xml, Locale.SIMPLIFIED_CHINESE)).contains("name=\"人工审核\"");
    }

    @Test
    void aModelWithADoctypeIsNotExpandedButShownAsItIs() {
        String hostile = """
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="registration">
                <bpmn:userTask id="review" name="&x;"/></bpmn:process></bpmn:definitions>""";

        assertThat(names.localise(hostile, Locale.ENGLISH)).isEqualTo(hostile);
    }
}
