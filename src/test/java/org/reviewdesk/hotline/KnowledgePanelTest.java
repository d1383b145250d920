package org.reviewdesk.hotline;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.platform.Languages;

/** The knowledge base beside the case screen, without Spring: Karibu's mocked Vaadin and the real bundles. */
class KnowledgePanelTest {

    private static final KnowledgeBase KNOWLEDGE_BASE = new KnowledgeBase();

    private KnowledgePanel view;

    @BeforeEach
    void openTheView() {
        System.setProperty("vaadin.i18n.provider", BundleI18NProvider.class.getName());
        MockVaadin.setup();
        UI.getCurrent().setLocale(Languages.CHINESE);
        view = new KnowledgePanel(KNOWLEDGE_BASE, q -> { });
        UI.getCurrent().add(view);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        System.clearProperty("vaadin.i18n.provider");
    }

    private TextField search() {
        return _get(TextField.class, spec -> spec.withId("kb-search"));
    }

    private List<Details> panels() {
        return _get(Div.class, spec -> spec.withId("kb-results")).getChildren()
                .map(Details.class::cast).toList();
    }

    private static Stream<String> marked(Element element) {
        if (element.isTextNode()) {
            return Stream.empty();
        }
        return "mark".equals(element.getTag()) ? Stream.of(element.getText())
                : element.getChildren().flatMap(KnowledgePanelTest::marked);
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    @Test
    void listsEveryQuestionClosedBeforeTheAgentSearches() {
        assertThat(panels()).hasSize(KNOWLEDGE_BASE.all().size()).noneMatch(Details::isOpened);
        assertThat(text(_get(Span.class, spec -> spec.withId("kb-count")))).isEqualTo("共 12 条");
        assertThat(search().getPlaceholder()).isEqualTo("输入来电问题关键词，如“信用代码已注册”");
        assertThat(text(view)).contains("知识库");
    }

    @Test
    void showsTheMatchingAnswersOpenWithTheTermsMarked() {
        search().setValue("法定代表人 无法联系");

        assertThat(panels()).extracting(p -> p.getId().orElseThrow()).startsWith("kb-entry-faq-11");
        Details panel = panels().get(0);
        assertThat(panel.isOpened()).isTrue();
        assertThat(text(panel)).contains("企业法定代表人变更了如何处理？", "028-12345");
        assertThat(marked(panel.getElement())).contains("法定代表人", "法定代表人无法联系");
        assertThat(text(_get(Span.class, spec -> spec.withId("kb-count")))).isEqualTo("找到 %d 条相关答案".formatted(panels().size()));
        assertThat(view.empty.isVisible()).isFalse();
    }

    @Test
    void findsTheAnswerInTheCallersWordsAndMarksTheFaqsOwn() {
        search().setValue("法人联系不上");

        Details best = panels().get(0);
        assertThat(best.getId()).hasValue("kb-entry-faq-11");
        // the caller said 法人 and 联系不上; the FAQ writes 法定代表人 and 无法联系: those are marked
        assertThat(marked(best.getElement())).contains("法定代表人无法联系");
    }

    @Test
    void aQuickSearchFillsTheSearchField() {
        _click(_get(Button.class, spec -> spec.withId("kb-quick-credit-code-taken")));

        assertThat(search().getValue()).isEqualTo("信用代码已注册");
        assertThat(panels()).extracting(p -> p.getId().orElseThrow()).containsExactly("kb-entry-faq-07");
    }

    @Test
    void suggestsAWorkOrderWhenNothingMatches() {
        search().setValue("公积金提取");

        assertThat(panels()).isEmpty();
        Div empty = _get(Div.class, spec -> spec.withId("kb-empty"));
        assertThat(empty.isVisible()).isTrue();
        assertThat(text(empty)).contains("没有找到与“公积金提取”相关的答案", "登记工单");
    }

    @Test
    void speaksEnglishWhenTheAgentChoseIt() {
        MockVaadin.tearDown();
        MockVaadin.setup();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().add(new KnowledgePanel(KNOWLEDGE_BASE, q -> { }));

        search().setValue("忘记密码 人脸");

        assertThat(text(_get(Span.class, spec -> spec.withId("kb-count")))).isEqualTo("4 matching answers");
        assertThat(text(_get(Button.class, spec -> spec.withId("kb-quick-forgot-password")))).isEqualTo("Forgotten password");
    }
}
