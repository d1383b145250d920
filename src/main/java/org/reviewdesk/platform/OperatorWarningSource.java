package org.reviewdesk.platform;

import java.util.List;

/** Implemented by capabilities that can tell operators about a problem (e.g. calendar data running out). */
public interface OperatorWarningSource {

    List<OperatorWarning> currentWarnings();
}
