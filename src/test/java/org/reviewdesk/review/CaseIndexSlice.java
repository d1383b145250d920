package org.reviewdesk.review;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The case search for a JPA test slice: every entity scan meets {@code RegistrationApplication}, whose
 * listener writes its case row through {@link CaseIndex}. With no process adapters it knows no process,
 * which a slice does not ask. Needs a {@code Clock}, {@code BusinessTime} and {@code AuditLog} beside it.
 */
@TestConfiguration
@Import({CaseIndex.class, CaseAdapters.class})
public class CaseIndexSlice {
}
