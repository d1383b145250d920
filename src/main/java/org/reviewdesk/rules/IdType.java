package org.reviewdesk.rules;

import java.util.List;

/**
 * The personal ID documents the forms accept. All four numbers share one layout: 17 digits
 * (birth date at positions 7-14) and an ISO 7064 MOD 11-2 check character; they differ in how
 * they begin.
 */
public enum IdType {
    /** 居民身份证 (GB 11643-1999). */
    RESIDENT_ID,
    /** 港澳居民居住证: 810000 Hong Kong, 820000 Macau. */
    HK_MACAU_RESIDENCE_PERMIT("810000", "820000"),
    /** 台湾居民居住证. */
    TAIWAN_RESIDENCE_PERMIT("830000"),
    /**
     * 外国人永久居留身份证, 2023 edition: 9, issuing province (2), nationality (3), birth date,
     * sequence (3), check character. The 15-character 2017 edition is not accepted.
     */
    FOREIGN_PERMANENT_RESIDENT_2023("9");

    private final List<String> prefixes;

    IdType(String... prefixes) {
        this.prefixes = List.of(prefixes);
    }

    /** The type's name for people, e.g. 居民身份证. */
    public String messageKey() {
        return "rules.idType." + name();
    }

    /** The type a number's beginning says it is; a resident ID is whatever no other type claims. */
    static IdType ofNumber(String number) {
        for (IdType type : values()) {
            if (type.prefixes.stream().anyMatch(number::startsWith)) {
                return type;
            }
        }
        return RESIDENT_ID;
    }
}
