package org.reviewdesk.load;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.reviewdesk.registration.TestDocuments;
import org.reviewdesk.rules.TestCodes;

/**
 * What the load's applicants send: real small documents made once with PDFBox and ImageIO (the
 * tests' own: a one-page PDF, a PNG and a JPEG), and per application a form that breaks no rule with a credit
 * code, an ID number and a mobile nobody used before, so no applicant meets another's open
 * application or the per-mobile limits.
 */
final class Fixtures {

    static final byte[] LICENCE_PDF = TestDocuments.pdf("Business licence - load test");
    static final byte[] ID_FRONT_PNG = TestDocuments.image("png");
    static final byte[] ID_BACK_JPEG = TestDocuments.image("jpeg");

    // a run's start in seconds makes the codes of two runs on one database differ
    private static final AtomicLong NEXT = new AtomicLong((System.currentTimeMillis() / 1000) % 100_000 * 10_000);
    private static final char[] ID_CHECK = "10X98765432".toCharArray();
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private Fixtures() {
    }

    /** One applicant: fields for the form and the mobile the SMS stub is asked about. */
    static Map<String, Object> applicant() {
        long n = NEXT.incrementAndGet();
        return Map.of(
                "uscc", TestCodes.uscc("91"),
                "name", "深圳市负载测试第" + n + "号有限公司",
                "idNumber", residentId(n),
                // 139 + 8 digits: a new mobile for each application
                "mobile", "139" + String.format("%08d", n % 100_000_000L));
    }

    /** A Beijing (110105) resident ID born 1980-01-01 with a valid check character. */
    private static String residentId(long n) {
        String body = "11010519800101" + String.format("%03d", n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + ID_CHECK[sum % 11];
    }
}
