package org.reviewdesk.applicants;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.RuleMessage;

/**
 * What every process's start form shares, on the public page and at the window alike: its fields by
 * name, so that a service's refusal shows at the field it names ({@link #mark}); the fields a page adds
 * after the form's own (an SMS code, a licence); the line above the button for anything else; the
 * code prefilled from {@code ?uscc=}.
 */
public abstract class ApplicantForm extends Div {

    private final Map<String, HasValidation> fields = new HashMap<>();
    private final Div extra = new Div();
    private final Div formError = new Div();

    protected ApplicantForm() {
        formError.setId("form-error");
        formError.addClassName("applicant-error");
        addClassName("applicant-form");
    }

    /** Where the page's own fields go ({@link #addField}), then the form's error line: add both last. */
    protected Component[] tail() {
        return new Component[] {extra, formError};
    }

    /** A field the page adds after the form's own (e.g. the SMS code), whose refusals show at it when {@code field} is given. */
    public void addField(String name, Component component, HasValidation field) {
        extra.add(component);
        if (field != null) {
            fields.put(name, field);
        }
    }

    /** A rule broken at a field; at the form's error line when no field has the name. */
    public void mark(String field, String text) {
        HasValidation target = fields.get(field);
        if (target == null) {
            formError.setText(text);
            return;
        }
        target.setErrorMessage(text);
        target.setInvalid(true);
    }

    /**
     * Validation on change (issue 14 item 11): whenever the applicant changes a bound field, that field
     * and every bound field shown wrong are checked again by the process's own rules, so an error goes
     * as soon as it is corrected (also when the correction is in another field, an ID type for its
     * number) and a wrong value shows at once. An empty field is reported as missing only on submit.
     * Fields the page adds ({@link #addField}) keep their errors until the page checks them.
     *
     * @param rules the process's rules for the form as it stands: each broken field's name with its message
     */
    protected void validateOnChange(Binder<?> binder, Supplier<Map<String, String>> rules) {
        binder.addValueChangeListener(event -> {
            if (!event.isFromClient()) {
                return;
            }
            Set<HasValue<?, ?>> bound = binder.getFields().collect(Collectors.toSet());
            Map<String, String> broken = null;
            for (Map.Entry<String, HasValidation> entry : fields.entrySet()) {
                HasValidation shown = entry.getValue();
                boolean changed = shown == event.getHasValue();
                if (!(shown instanceof HasValue<?, ?> value) || !bound.contains(value) || !(changed || shown.isInvalid())
                        || (!shown.isInvalid() && value.isEmpty())) {
                    continue;
                }
                broken = broken == null ? rules.get() : broken;
                shown.setInvalid(false);
                shown.setErrorMessage(null);
                String error = broken.get(entry.getKey());
                if (error != null) {
                    mark(entry.getKey(), error);
                }
            }
        });
    }

    /** A refusal's field errors as {@link #validateOnChange} wants them: each field's first message, translated. */
    protected <E> Map<String, String> byField(List<E> errors, Function<E, String> field, Function<E, RuleMessage> message) {
        return errors.stream().collect(Collectors.toMap(field,
                e -> getTranslation(message.apply(e).key(), message.apply(e).argumentArray()), (first, second) -> first));
    }

    /** A refusal that belongs to no field. */
    protected void formError(String text) {
        formError.setText(text);
    }

    public void clearErrors() {
        fields.values().forEach(f -> f.setInvalid(false));
        formError.setText("");
    }

    /** {@code ?uscc=} prefills the code field, when it has the shape of one; anything else is ignored. */
    protected void presetUscc(Map<String, List<String>> query) {
        query.getOrDefault("uscc", List.of()).stream().findFirst()
                .map(code -> code.strip().toUpperCase(Locale.ROOT))
                .filter(code -> code.matches("[0-9A-Z]{18}"))
                .ifPresent(code -> ((TextField) fields.get("uscc")).setValue(code));
    }

    /** The form's field of that name. */
    protected HasValidation field(String name) {
        return fields.get(name);
    }

    protected TextField text(String id, String labelKey) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setWidthFull();
        fields.put(id, field);
        return field;
    }

    protected Select<IdType> idType(String id, String labelKey) {
        Select<IdType> select = new Select<>();
        select.setLabel(getTranslation(labelKey));
        select.setItems(IdType.values());
        select.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        select.setId(id);
        // as wide as the text fields: a narrow select cuts the English type names
        select.setWidthFull();
        fields.put(id, select);
        return select;
    }

    /** A field that is not a text field, known by its id for refusals. */
    protected <T extends Component & HasValidation> T named(String id, T field) {
        field.setId(id);
        fields.put(id, field);
        return field;
    }
}
