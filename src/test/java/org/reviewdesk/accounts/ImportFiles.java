package org.reviewdesk.accounts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Import files for tests and the benchmark: valid rows, made different per call. */
public final class ImportFiles {

    public static final String HEADER = "credit_code,name,legal_person_type,legal_rep_name,rep_id_type,rep_id_number,rep_mobile,status,opened_on";
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final AtomicInteger NEXT = new AtomicInteger();

    private ImportFiles() {
    }

    /** A valid resident ID number (Beijing Dongcheng, born 1980-1999), different for each {@code seed}. */
    public static String residentId(int seed) {
        int n = Math.floorMod(seed, 20 * 365 * 999);
        java.time.LocalDate birth = java.time.LocalDate.of(1980, 1, 1).plusDays(n / 999);
        String body = "110101" + birth.toString().replace("-", "") + String.format("%03d", n % 999 + 1);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A valid mainland mobile number, different for each {@code seed} (up to 100 million). */
    public static String mobile(int seed) {
        return "139" + String.format("%08d", Math.floorMod(seed, 100_000_000));
    }

    /** A row of an active 企业 opened on 2020-01-15. */
    public static String row(String code, String name) {
        int seed = NEXT.incrementAndGet();
        return line(code, name, "企业", "张三", "居民身份证", residentId(seed), mobile(seed), "ACTIVE", "2020-01-15");
    }

    public static String line(String... cells) {
        return String.join(",", cells);
    }

    public static byte[] utf8(List<String> rows) {
        return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] utf8(String... rows) {
        return utf8(List.of(rows));
    }
}
