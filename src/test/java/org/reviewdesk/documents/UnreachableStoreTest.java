package org.reviewdesk.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Nothing listens where the store should be: callers get a message key, and get it soon. */
class UnreachableStoreTest {

    @Test
    void putFailsWithTheUnavailableMessageKeyWithinTheConnectTimeout() {
        ObjectStore store = storeAtClosedPort();

        assertUnavailableQuickly(() -> store.put("documents/a/v1", new ByteArrayInputStream(new byte[10]), "application/pdf"));
    }

    @Test
    void statFailsWithTheUnavailableMessageKey() {
        assertUnavailableQuickly(() -> storeAtClosedPort().stat("documents/a/v1"));
    }

    @Test
    void getFailsWithTheUnavailableMessageKey() {
        assertUnavailableQuickly(() -> storeAtClosedPort().get("documents/a/v1"));
    }

    private static ObjectStore storeAtClosedPort() {
        return DocumentStoreTestSupport.storeAt("http://127.0.0.1:" + DocumentStoreTestSupport.closedPort());
    }

    private static void assertUnavailableQuickly(ThrowingCallable call) {
        long started = System.nanoTime();

        assertThatThrownBy(call).isInstanceOfSatisfying(DocumentStoreException.class,
                e -> assertThat(e.messageKey()).isEqualTo(DocumentStoreException.UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DocumentStoreConfiguration.CONNECT_TIMEOUT);
    }
}
