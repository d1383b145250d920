package org.reviewdesk.hotline;

/**
 * The problems callers ring about most, as the FAQ answers them: one click fills the search.
 * The query is in the FAQ's own words (it searches Chinese text whatever the UI language);
 * the label comes from the message bundles.
 */
enum QuickSearch {
    FORGOT_PASSWORD("忘记密码"),
    ID_NUMBER_TAKEN("证件号已注册"),
    MOBILE_CHANGED("更换 手机号"),
    CREDIT_CODE_TAKEN("信用代码已注册"),
    OUT_OF_PROVINCE("非四川 注册"),
    NAME_CHANGE("名称变更"),
    REPRESENTATIVE_CHANGE("法定代表人变更"),
    REPRESENTATIVE_UNREACHABLE("法定代表人 无法联系");

    private final String query;

    QuickSearch(String query) {
        this.query = query;
    }

    String query() {
        return query;
    }

    String messageKey() {
        return "hotline.quick." + name();
    }

    String componentId() {
        return "kb-quick-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
