package org.reviewdesk;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's message bundles as application.yml configures them, for tests without Spring. */
public final class TestMessages {

    private TestMessages() {
    }

    /** Base files are Chinese, *_en English, UTF-8, no fallback to the machine's locale. */
    public static ResourceBundleMessageSource source(String... basenames) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
