package org.reviewdesk.namechange;

import java.io.InputStream;

/** The new business licence as received: the name and type the browser gave, and its bytes (not closed here). */
public record LicenceFile(String originalName, String declaredType, InputStream content) {
}
