package org.reviewdesk.hotline;

import org.reviewdesk.ApplicationTest;

/** {@link FragmentSearchContract} on H2, the embedded default: the fragment scans the names. */
@ApplicationTest
class FragmentSearchTest extends FragmentSearchContract {
}
