package org.reviewdesk.hotline;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.reviewdesk.platform.Languages;

/**
 * The knowledge base beside the caller's record on the case screen: the agent types a few words of the
 * problem and reads the matching FAQ answer out. Its search is in the address ({@code ?kb=}), so a
 * reload or a shared link shows the same answers.
 */
public class KnowledgePanel extends Div {

    static final String QUERY_PARAMETER = "kb";
    /** With this few results every answer is opened; with more, only the best one. */
    private static final int OPEN_ALL_UP_TO = 3;
    private static final Pattern SUB_ITEM = Pattern.compile("^[(（]\\p{Nd}+[)）].*");
    private static final Pattern ITEM = Pattern.compile("^\\p{Nd}+[、.．].*");

    private final KnowledgeBase knowledgeBase;
    final TextField search = new TextField();
    final Span count = new Span();
    final Div results = new Div();
    final Div empty = new Div();
    private final Map<QuickSearch, Button> quickButtons = new EnumMap<>(QuickSearch.class);

    private final java.util.function.Consumer<String> onSearch;
    private java.util.function.Consumer<KnowledgeEntry> onAnswer;

    /** @param onSearch told each new query (the screen keeps it in the address) */
    public KnowledgePanel(KnowledgeBase knowledgeBase, java.util.function.Consumer<String> onSearch) {
        this.knowledgeBase = knowledgeBase;
        this.onSearch = onSearch;
        addClassName("hotline-kb");
        setId("kb-panel");

        H2 title = new H2(getTranslation("hotline.kb.heading"));
        title.addClassName("hotline-kb__title");
        add(title);

        Paragraph source = new Paragraph(getTranslation("hotline.kb.source", knowledgeBase.all().size()));
        source.addClassName("kb-source");
        add(source);
        if (!Languages.CHINESE.getLanguage().equals(getLocale().getLanguage())) {
            Paragraph note = new Paragraph(getTranslation("hotline.kb.contentLanguage"));
            note.addClassName("kb-source");
            add(note);
        }

        search.setId("kb-search");
        search.addClassName("kb-search");
        search.setLabel(getTranslation("hotline.kb.searchLabel"));
        search.setPlaceholder(getTranslation("hotline.kb.searchPlaceholder"));
        search.setHelperText(getTranslation("hotline.kb.searchHelp"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(300);
        search.addValueChangeListener(e -> {
            show(e.getValue());
            onSearch.accept(e.getValue() == null ? "" : e.getValue().strip());
        });

        Div quick = new Div();
        quick.setId("kb-quick");
        quick.addClassName("kb-quick");
        Span quickLabel = new Span(getTranslation("hotline.kb.quickLabel"));
        quickLabel.addClassName("kb-quick-label");
        quick.add(quickLabel);
        for (QuickSearch q : QuickSearch.values()) {
            Button button = new Button(getTranslation(q.messageKey()), e -> {
                search.setValue(q.query());
                search.focus();
            });
            button.setId(q.componentId());
            button.addClassName("kb-quick-button");
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            quickButtons.put(q, button);
            quick.add(button);
        }

        count.setId("kb-count");
        count.addClassName("kb-count");
        results.setId("kb-results");
        results.addClassName("kb-results");
        empty.setId("kb-empty");
        empty.addClassName("kb-empty");

        add(search, quick, count, results, empty);
        show("");
    }

    /** Gives every entry shown a "直接答复" action that hands the entry to {@code onAnswer} (the screen records the order). */
    void onAnswerDirectly(java.util.function.Consumer<KnowledgeEntry> onAnswer) {
        this.onAnswer = onAnswer;
        show(search.getValue());
    }

    /** Shows the answers for a query (from the address). */
    void setQuery(String query) {
        search.setValue(query);
    }

    private void show(String query) {
        List<KnowledgeEntry> found = knowledgeBase.search(query);
        boolean searching = !SearchText.fold(query).isEmpty();
        List<String> terms = searching ? knowledgeBase.marks(query) : List.of();

        count.setText(getTranslation(searching ? "hotline.kb.count" : "hotline.kb.countAll", found.size()));
        results.removeAll();
        for (int i = 0; i < found.size(); i++) {
            Details panel = panel(found.get(i), terms);
            panel.setOpened(searching && (i == 0 || found.size() <= OPEN_ALL_UP_TO));
            results.add(panel);
        }
        empty.removeAll();
        empty.setVisible(found.isEmpty());
        if (found.isEmpty()) {
            empty.add(new Paragraph(getTranslation("hotline.kb.empty", query.strip())),
                    new Paragraph(getTranslation("hotline.kb.emptyHint")));
        }
        quickButtons.forEach((q, button) -> {
            if (q.query().equals(query.strip())) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        });
    }

    private Details panel(KnowledgeEntry entry, List<String> terms) {
        Span id = new Span(entry.id());
        id.addClassName("kb-entry-id");
        Span question = highlighted(new Span(), entry.question(), terms);
        question.addClassName("kb-question");
        Span category = new Span(getTranslation(entry.category().messageKey()));
        category.addClassName("kb-category");
        category.getElement().getThemeList().add("badge contrast small");
        Div summary = new Div(id, question, category);
        summary.addClassName("kb-summary");

        Div answer = new Div();
        answer.addClassName("kb-answer");
        for (String text : entry.answerParagraphs()) {
            Paragraph paragraph = highlighted(new Paragraph(), text, terms);
            paragraph.addClassName(SUB_ITEM.matcher(text).matches() ? "kb-answer-subitem"
                    : ITEM.matcher(text).matches() ? "kb-answer-item" : "kb-answer-lead");
            answer.add(paragraph);
        }

        if (onAnswer != null) {
            Button answerDirectly = new Button(getTranslation("hotline.kb.answerDirectly"),
                    com.vaadin.flow.component.icon.VaadinIcon.CHECK_CIRCLE.create(), e -> onAnswer.accept(entry));
            answerDirectly.setId("kb-entry-" + entry.id() + "-answer");
            answerDirectly.addThemeVariants(ButtonVariant.LUMO_SMALL);
            answerDirectly.addClassName("kb-answer-directly");
            answer.add(answerDirectly);
        }
        Details details = new Details(summary, answer);
        details.setId("kb-entry-" + entry.id());
        details.addClassName("kb-entry");
        return details;
    }

    /** The text with each match of the query's words or their synonyms in a {@code <mark>}, so the agent's eye finds it. */
    private static <T extends HasElement> T highlighted(T container, String text, List<String> terms) {
        Element element = container.getElement();
        int at = 0;
        for (SearchText.Range match : SearchText.of(text).ranges(terms)) {
            if (match.start() > at) {
                element.appendChild(Element.createText(text.substring(at, match.start())));
            }
            element.appendChild(new Element("mark").setText(text.substring(match.start(), match.end())));
            at = match.end();
        }
        if (at < text.length()) {
            element.appendChild(Element.createText(text.substring(at)));
        }
        return container;
    }
}
