package org.reviewdesk.rules;

import java.util.Arrays;

/**
 * The kind of legal person, from positions 1-2 of its unified social credit code (registering
 * department + type, GB 32100-2015 annex). The portal registers the first five; the others are
 * named so that a reviewer sees what a code belongs to instead of a bare "other".
 */
public enum LegalPersonType {
    ENTERPRISE("91"),
    INDIVIDUAL_BUSINESS("92"),
    ORGAN("11"),
    PUBLIC_INSTITUTION("12"),
    SOCIAL_ORGANISATION("51"),
    PRIVATE_NON_ENTERPRISE_UNIT("52"),
    FOUNDATION("53"),
    FARMERS_COOPERATIVE("93"),
    OTHER("");

    private final String codePrefix;

    LegalPersonType(String codePrefix) {
        this.codePrefix = codePrefix;
    }

    /** Positions 1-2 of the code, e.g. "91"; empty for {@link #OTHER}. */
    public String codePrefix() {
        return codePrefix;
    }

    /** The type's name for people, e.g. 企业. */
    public String messageKey() {
        return "rules.legalPersonType." + name();
    }

    static LegalPersonType ofCode(String code) {
        return Arrays.stream(values())
                .filter(type -> type != OTHER && code.startsWith(type.codePrefix))
                .findFirst()
                .orElse(OTHER);
    }
}
