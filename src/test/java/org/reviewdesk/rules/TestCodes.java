package org.reviewdesk.rules;

import java.util.concurrent.atomic.AtomicInteger;

/** Valid credit codes for tests, each new one unused in this JVM (out of province: authority 440300, Shenzhen). */
public final class TestCodes {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000_000L));

    private TestCodes() {
    }

    /** A valid code of {@code type} registered in Shenzhen. */
    public static String uscc(LegalPersonType type) {
        return uscc(type.codePrefix());
    }

    /** A valid code whose positions 1-2 are {@code prefix} (e.g. 91, or 99 for a type the form does not serve), registered in Shenzhen. */
    public static String uscc(String prefix) {
        String body = prefix + "440300" + String.format("%09d", Math.floorMod(NEXT.incrementAndGet(), 1_000_000_000));
        return body + UsccValidator.checkCharacter(body);
    }

    /** A valid code registered in Sichuan (authority 510100, Chengdu). */
    public static String sichuanUscc(LegalPersonType type) {
        String body = type.codePrefix() + "510100" + String.format("%09d", Math.floorMod(NEXT.incrementAndGet(), 1_000_000_000));
        return body + UsccValidator.checkCharacter(body);
    }
}
