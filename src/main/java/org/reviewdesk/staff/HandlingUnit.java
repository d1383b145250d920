package org.reviewdesk.staff;

import java.util.Locale;

/**
 * A handling unit (承办单位) of 12345 work orders: its code, its names in both languages, and the
 * Camunda group a work order dispatched to it is offered to.
 *
 * @param roleGroup whether the group is a role's ({@code reviewers}): then its members are that role's holders
 */
public record HandlingUnit(String code, String nameZh, String nameEn, String camundaGroup, boolean active, boolean roleGroup) {

    /** The unit's name in the language asked for (Chinese unless English). */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
