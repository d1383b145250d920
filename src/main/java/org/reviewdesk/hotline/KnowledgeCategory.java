package org.reviewdesk.hotline;

import java.util.List;

/** Whom an answer is for, as the FAQ's questions say it: a person, or a legal person. */
public enum KnowledgeCategory {
    PERSONAL,
    ENTERPRISE,
    GENERAL;

    private static final List<String> LEGAL_PERSON_WORDS = List.of("企业", "法人", "单位", "社会团体", "个体工商户");

    /** Cheap on purpose: the FAQ names its audience in every question (个人用户…, 企业…). */
    static KnowledgeCategory of(String question) {
        if (question.contains("个人")) {
            return PERSONAL;
        }
        return LEGAL_PERSON_WORDS.stream().anyMatch(question::contains) ? ENTERPRISE : GENERAL;
    }

    public String messageKey() {
        return "hotline.category." + name();
    }
}
