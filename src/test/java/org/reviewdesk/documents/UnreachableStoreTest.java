package org.reviewdesk.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Nothing listens where the store should be: callers get the "unavailable" message key, not a client error. */
class UnreachableStoreTest {

    @Test
    void putFailsWithTheUnavailableMessageKey() {
        ObjectStore store = storeAtClosedPort();

        assertUnavailable(() -> store.put("documents/a/v1", new ByteArrayInputStream(new byte[10]), "application/pdf"));
    }

    @Test
    void statFailsWithTheUnavailableMessageKey() {
        assertUnavailable(() -> storeAtClosedPort().stat("documents/a/v1"));
    }

    @Test
    void getFailsWithTheUnavailableMessageKey() {
        assertUnavailable(() -> storeAtClosedPort().get("documents/a/v1"));
    }

    private static ObjectStore storeAtClosedPort() {
        return DocumentStoreTestSupport.storeAt("http://127.0.0.1:" + DocumentStoreTestSupport.closedPort());
    }

    private static void assertUnavailable(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DocumentStoreException.class,
                e -> assertThat(e.messageKey()).isEqualTo(DocumentStoreException.UNAVAILABLE));
    }
}
