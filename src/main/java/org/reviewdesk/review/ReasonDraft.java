package org.reviewdesk.review;

/** What the reasons editor sends for a new or changed reason; {@link DecisionReasons} checks every field. */
public record ReasonDraft(String code, String templateZh, String templateEn, boolean textRequired, int sortOrder) {
}
