package org.reviewdesk.hotline;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.reviewdesk.platform.Languages;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles as the application reads them (UTF-8, no fallback to the JVM's locale),
 * for UI tests that run without Spring. Vaadin instantiates it from the {@code vaadin.i18n.provider}
 * system property.
 */
public class BundleI18NProvider implements I18NProvider {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public BundleI18NProvider() {
        messages.setBasenames("messages/platform", "messages/hotline");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return Languages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return messages.getMessage(key, params, locale);
    }
}
