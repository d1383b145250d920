package org.reviewdesk.platform;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.UI;
import java.util.Locale;

/** 中文 / English. Each language is named in itself, so a reader of either can find theirs. */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch() {
        addClassName("language-switch");
        setItems(Languages.SUPPORTED);
        setItemLabelGenerator(locale -> Languages.CHINESE.equals(locale) ? "中文" : "English");
        setAriaLabel("Language / 语言");
        UI ui = UI.getCurrent();
        setValue(Languages.supported(ui == null ? Languages.DEFAULT : ui.getLocale()));
        addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                Languages.switchTo(event.getValue());
            }
        });
    }
}
