package org.reviewdesk.platform;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.text.DateFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * A date picker that speaks the desk's language: dates as everywhere else on the desk (2026-12-05, not
 * the English UI's ambiguous 12/5/2026), month and day names in the UI's language (Vaadin's own are
 * English in either language), weeks from Monday.
 */
public final class DatePickers {

    private DatePickers() {
    }

    public static <T extends DatePicker> T localised(T picker) {
        Locale locale = Languages.supported(UI.getCurrent() == null ? Languages.DEFAULT : UI.getCurrent().getLocale());
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setDateFormat("yyyy-MM-dd")
                .setMonthNames(List.of(symbols.getMonths()).subList(0, 12))
                // DateFormatSymbols counts days from 1 (Sunday), as the picker wants them, after an empty 0
                .setWeekdays(List.of(symbols.getWeekdays()).subList(1, 8))
                .setWeekdaysShort(List.of(symbols.getShortWeekdays()).subList(1, 8))
                .setFirstDayOfWeek(1)
                .setToday(picker.getTranslation("platform.datePicker.today"))
                .setCancel(picker.getTranslation("platform.datePicker.cancel")));
        return picker;
    }
}
