package org.reviewdesk.platform;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Gives Vaadin the application's message bundles (one per capability, see spring.messages),
 * so views and services share one source of every text a person reads.
 */
@Component
class MessageSourceI18NProvider implements I18NProvider {

    private final MessageSource messages;

    MessageSourceI18NProvider(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return Languages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            return messages.getMessage(key, params, locale == null ? Languages.DEFAULT : locale);
        } catch (NoSuchMessageException missing) {
            // visible in the UI and easy to grep, rather than a crash of the whole view
            return "!" + key;
        }
    }
}
