package org.reviewdesk.applicants;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * The numbers applicants' cases carry: a process's two letters, the day in China (8 digits) and 6
 * random digits ({@code RD20261204042917}). Random rather than the row id, so a number says nothing
 * about its neighbours and numbers cannot be walked in sequence; a suffix already taken that day is
 * drawn again. Every process that numbers applicants' cases uses this one shape.
 */
public final class CaseNumbers {

    /** Draws before giving up: with a million suffixes a day, 20 collisions in a row mean something is wrong. */
    public static final int ATTEMPTS = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CaseNumbers() {
    }

    /** The number with that prefix, day and suffix. */
    public static String format(String prefix, LocalDate day, long suffix) {
        return prefix + day.format(DAY) + String.format(Locale.ROOT, "%06d", suffix);
    }

    /**
     * A number of the day not yet {@code taken}, or empty when {@value #ATTEMPTS} draws were all taken
     * (the caller says so in its own words).
     */
    public static Optional<String> draw(String prefix, LocalDate day, Predicate<String> taken) {
        return draw(prefix, day, taken, () -> RANDOM.nextInt(1_000_000));
    }

    /** As {@link #draw(String, LocalDate, Predicate)} with the suffixes given (tests make collisions with it). */
    static Optional<String> draw(String prefix, LocalDate day, Predicate<String> taken, IntSupplier suffixes) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String candidate = format(prefix, day, suffixes.getAsInt());
            if (!taken.test(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
