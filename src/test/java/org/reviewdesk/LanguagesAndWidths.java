package org.reviewdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * One staff screen looked at in Chinese and in English at several window widths, each in a fresh
 * headless Chromium signed in as a demo user: the loop the layout tests share.
 */
public final class LanguagesAndWidths {

    /** How far the page scrolls sideways: the document, or the app layout's content area where the views scroll. */
    private static final String PAGE_OVERFLOW = """
            const layout = document.querySelector('vaadin-app-layout');
            const content = layout && layout.shadowRoot ? layout.shadowRoot.querySelector('[content]') : null;
            const over = e => e ? e.scrollWidth - e.clientWidth : 0;
            return Math.max(over(document.documentElement), over(content));""";

    /** What a test does with the screen in one language at one width. */
    @FunctionalInterface
    public interface Look {
        void at(StaffBrowser browser, String language, int width) throws Exception;
    }

    private LanguagesAndWidths() {
    }

    /**
     * Signs {@code username} in, opens {@code path} and shows it in {@code zh} then {@code en} (switching
     * only where the user's remembered language is the other one), at each width in turn.
     */
    public static void look(int port, String username, String path, List<Integer> widths, int height, Look look) throws Exception {
        for (String language : List.of("zh", "en")) {
            for (int width : widths) {
                try (StaffBrowser browser = new StaffBrowser(port, width, height)) {
                    browser.signIn(username);
                    browser.open(path);
                    show(browser, language.equals("en") ? "English" : "中文");
                    look.at(browser, language, width);
                }
            }
        }
    }

    /**
     * The grid's columns fit the grid at 1366 px and above; at 1280 px a little sideways scrolling is
     * allowed (the frozen columns keep the number and the actions in view); on a phone the grid may
     * scroll inside itself, but the page does not scroll sideways.
     */
    public static void assertFits(StaffBrowser browser, String gridId, String language, int width) {
        List<Long> widths = browser.gridWidths(gridId);
        System.out.printf("%s %s at %d px: columns %d px in a grid of %d px%n", gridId, language, width, widths.get(0), widths.get(1));
        if (width >= 1366) {
            assertThat(widths.get(0)).as("%s at %d px: no sideways scrolling", language, width).isLessThanOrEqualTo(widths.get(1));
        } else if (width >= 1280) {
            assertThat(widths.get(0) - widths.get(1)).as("%s at %d px: at most a little sideways scrolling", language, width)
                    .isLessThan(120);
        } else {
            assertThat(pageOverflow(browser)).as("%s at %d px: the page itself does not scroll sideways", language, width)
                    .isLessThanOrEqualTo(0);
        }
    }

    /** How many CSS pixels the page scrolls sideways (0 when it does not). */
    public static long pageOverflow(StaffBrowser browser) {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(PAGE_OVERFLOW)).longValue();
    }

    /** Copies a screenshot just saved to {@code docs/images/<name>.png}, where the README shows it. */
    public static void readmeImage(String shot, String name) throws java.io.IOException {
        java.nio.file.Files.copy(StaffBrowser.SCREENSHOTS.resolve(shot + ".png"), java.nio.file.Path.of("docs", "images", name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Shows the page in the language the switch calls {@code label} ("中文", "English"), switching only when needed. */
    public static void show(StaffBrowser browser, String label) {
        WebElement languageSwitch = browser.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-select.language-switch")));
        if (label.equals(shown(browser))) {
            return;
        }
        browser.chooseLanguage(label);
        // the page reloads in the chosen language
        browser.waiting().until(ExpectedConditions.stalenessOf(languageSwitch));
        browser.waiting().ignoring(org.openqa.selenium.JavascriptException.class).until(d -> label.equals(shown(browser)));
    }

    /** The language the switch shows (its value button's text: Selenium's getText misses the slotted value). */
    private static String shown(StaffBrowser browser) {
        Object text = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "const v = document.querySelector('vaadin-select.language-switch vaadin-select-value-button');"
                        + " return v ? v.textContent.trim() : null;");
        return text == null ? null : text.toString();
    }
}
