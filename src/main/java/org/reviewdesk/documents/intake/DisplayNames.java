package org.reviewdesk.documents.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes an uploaded file's name safe to show and to offer as a download name. The name is only
 * ever displayed: storage keys are random and never derived from it.
 */
final class DisplayNames {

    static final int MAX_LENGTH = 255;
    static final String FALLBACK = "document";

    /** Extensions longer than this are not treated as extensions when the name is shortened. */
    private static final int MAX_EXTENSION = 10;
    /** C0/C1 controls (NUL, CR, LF, ...), and the bidirectional and invisible formatting characters
     *  that make a name display differently from what it is (U+202E shows "exe.pdf" as "fdp.exe"). */
    private static final Pattern UNSAFE = Pattern.compile(
            "[\\p{Cc}\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\uFEFF\\uFFF9-\\uFFFB]");
    private static final Pattern ESCAPES = Pattern.compile("(?:%[0-9A-Fa-f]{2})+");
    private static final Pattern WINDOWS_FORBIDDEN = Pattern.compile("[<>:\"|?*]");
    private static final Set<String> WINDOWS_RESERVED = Set.of(
            "CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private DisplayNames() {
    }

    static String sanitise(String original) {
        if (original == null) {
            return FALLBACK;
        }
        String name = UNSAFE.matcher(percentDecoded(original)).replaceAll("");
        // only the last path segment, whichever separator the client's system uses
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        name = WINDOWS_FORBIDDEN.matcher(name).replaceAll("_");
        // leading dots hide files or mean ".."; trailing dots and spaces are dropped by Windows
        name = name.strip().replaceAll("^\\.+", "").replaceAll("[. ]+$", "").strip();
        if (name.isEmpty()) {
            return FALLBACK;
        }
        int dot = name.indexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        if (WINDOWS_RESERVED.contains(base.strip().toUpperCase(Locale.ROOT))) {
            name = "_" + name;
        }
        return shorten(name);
    }

    /**
     * Browsers send some names percent-escaped ({@code %22} for a quote, {@code %0D%0A} for a line
     * break): each run of escapes that is valid UTF-8 is decoded, so the sanitising below sees the
     * characters; a run that is not ("100%", "%zz", a lone {@code %E8}) is kept as typed.
     */
    private static String percentDecoded(String name) {
        return ESCAPES.matcher(name).replaceAll(run -> {
            String escapes = run.group();
            byte[] bytes = new byte[escapes.length() / 3];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt(escapes.substring(i * 3 + 1, i * 3 + 3), 16);
            }
            try {
                String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                return Matcher.quoteReplacement(decoded);
            } catch (CharacterCodingException e) {
                return Matcher.quoteReplacement(escapes);
            }
        });
    }

    /** At most {@link #MAX_LENGTH} characters (code points kept whole), the extension kept. */
    private static String shorten(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION + 1 ? name.substring(dot) : "";
        int room = MAX_LENGTH - extension.length();
        int end = room;
        if (Character.isLowSurrogate(name.charAt(end)) && end > 0) {
            end--;
        }
        return name.substring(0, end) + extension;
    }
}
