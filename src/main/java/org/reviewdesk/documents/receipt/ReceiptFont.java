package org.reviewdesk.documents.receipt;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.reviewdesk.platform.OperatorWarning;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The Chinese TrueType font the receipt is written in: the configured file, or else the first
 * usable one at a well-known system location.
 *
 * <p>Only fonts with TrueType ({@code glyf}) outlines qualify. PDFBox 3 cannot subset an OpenType
 * font with CFF outlines (its {@code TTFSubsetter} throws {@code UnsupportedOperationException})
 * and refuses to embed a collection whole, so Noto Sans/Serif CJK ({@code fonts-noto-cjk}, CFF
 * in a .ttc) cannot be used; such a font is skipped, and a configured one refused with a warning.
 *
 * <p>What is cached is the choice (file and font name), checked once. Each render opens the file
 * itself: fontbox reads a font's tables lazily through one shared stream position, so a parsed
 * {@code TrueTypeFont} must not serve two renders at once, and caching the bytes would keep 16 MB
 * (wqy-zenhei) on the heap ({@code TrueTypeCollection} copies a stream it is given, so even
 * shared bytes would be copied per render) to save opening a file the page cache holds. A
 * failed search is not cached, so installing a font takes effect without a restart.
 */
@Component
public class ReceiptFont {

    /**
     * Searched in this order when no font is configured; TrueType-outline faces only. Debian
     * ({@code fonts-wqy-zenhei}, {@code fonts-wqy-microhei}, {@code fonts-arphic-uming},
     * {@code fonts-droid-fallback}), Fedora, Windows and macOS, for developers' machines.
     */
    static final List<Path> SYSTEM_LOCATIONS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("C:/Windows/Fonts/simsun.ttc"),
            Path.of("C:/Windows/Fonts/msyh.ttc"),
            Path.of("/Library/Fonts/Arial Unicode.ttf"));

    /** Characters every receipt prints; a font without them would show empty boxes. */
    private static final String PROBE = "受理回执四川省政务服务中心编号企业";

    private final ReceiptProperties properties;
    private final List<Path> systemLocations;
    private volatile Choice choice;

    @Autowired
    public ReceiptFont(ReceiptProperties properties) {
        this(properties, SYSTEM_LOCATIONS);
    }

    ReceiptFont(ReceiptProperties properties, List<Path> systemLocations) {
        this.properties = properties;
        this.systemLocations = List.copyOf(systemLocations);
    }

    /**
     * Opens the font for one render; close it after the document is saved (the subset is built
     * on saving). Refuses with {@code receipt.fontMissing} when no usable font is found.
     */
    Opened open() {
        Choice found = choice();
        if (found == null) {
            throw new UserFacingException("receipt.fontMissing");
        }
        try {
            return Opened.of(found);
        } catch (IOException | RuntimeException e) {
            // the file changed since it was checked: search again next time
            choice = null;
            throw new UserFacingException(e, "receipt.fontMissing");
        }
    }

    /** Why receipts cannot be made, for the operators; empty when they can. */
    Optional<OperatorWarning> problem() {
        if (choice() != null) {
            return Optional.empty();
        }
        if (!properties.font().isEmpty()) {
            Path configured = Path.of(properties.font());
            return Optional.of(Files.isReadable(configured)
                    ? OperatorWarning.of("receipt.warning.fontNotUsable", configured.toString(),
                            properties.fontName().isEmpty() ? "-" : properties.fontName())
                    : OperatorWarning.of("receipt.warning.fontNotFound", configured.toString()));
        }
        return Optional.of(OperatorWarning.of("receipt.warning.noSystemFont",
                systemLocations.stream().map(Path::toString).collect(Collectors.joining(", "))));
    }

    private Choice choice() {
        Choice known = choice;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (choice == null) {
                choice = search();
            }
            return choice;
        }
    }

    /** A configured font is used or refused, never silently replaced by a system one. */
    private Choice search() {
        if (!properties.font().isEmpty()) {
            return usable(Path.of(properties.font()), properties.fontName());
        }
        for (Path location : systemLocations) {
            Choice found = usable(location, "");
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Choice usable(Path file, String wantedName) {
        if (!Files.isReadable(file)) {
            return null;
        }
        try {
            if (!isCollection(file)) {
                try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()))) {
                    return wantedName.isEmpty() || wantedName.equals(font.getName()) ? checked(file, null, font) : null;
                }
            }
            try (TrueTypeCollection collection = new TrueTypeCollection(file.toFile())) {
                List<String> names = new ArrayList<>();
                collection.processAllFonts(font -> names.add(font.getName()));
                for (String name : names) {
                    if (wantedName.isEmpty() || wantedName.equals(name)) {
                        Choice found = checked(file, name, collection.getFontByName(name));
                        if (found != null) {
                            return found;
                        }
                    }
                }
                return null;
            }
        } catch (IOException | RuntimeException e) {
            // not a font fontbox can read: the same as no font at this location
            return null;
        }
    }

    private static Choice checked(Path file, String name, TrueTypeFont font) throws IOException {
        if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
            return null;
        }
        CmapLookup cmap = font.getUnicodeCmapLookup(false);
        if (cmap == null || PROBE.codePoints().anyMatch(c -> cmap.getGlyphId(c) == 0)) {
            return null;
        }
        // the font's licence bits may forbid embedding; PDFBox checks them when loading
        try (PDDocument scratch = new PDDocument()) {
            PDType0Font.load(scratch, font, true);
        }
        return new Choice(file, name);
    }

    private static boolean isCollection(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] tag = in.readNBytes(4);
            return tag.length == 4 && tag[0] == 't' && tag[1] == 't' && tag[2] == 'c' && tag[3] == 'f';
        }
    }

    /** A checked font: its file and, in a collection, its PostScript name. */
    record Choice(Path file, String name) {
    }

    /** One render's own handle on the font file. */
    static final class Opened implements Closeable {

        private final Closeable file;
        private final TrueTypeFont font;
        private final CmapLookup cmap;

        private Opened(Closeable file, TrueTypeFont font) throws IOException {
            this.file = file;
            this.font = font;
            this.cmap = font.getUnicodeCmapLookup(false);
        }

        static Opened of(Choice choice) throws IOException {
            if (choice.name() == null) {
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(choice.file().toFile()));
                try {
                    return new Opened(font, font);
                } catch (IOException | RuntimeException e) {
                    font.close();
                    throw e;
                }
            }
            TrueTypeCollection collection = new TrueTypeCollection(choice.file().toFile());
            try {
                TrueTypeFont font = collection.getFontByName(choice.name());
                if (font == null) {
                    throw new IOException("no font " + choice.name() + " in " + choice.file());
                }
                return new Opened(collection, font);
            } catch (IOException | RuntimeException e) {
                collection.close();
                throw e;
            }
        }

        /** Embedded as a subset: only the glyphs the receipt uses, a few tens of kB. */
        PDType0Font embedIn(PDDocument document) throws IOException {
            return PDType0Font.load(document, font, true);
        }

        /** Whether the font draws this character; others would be an empty box (or an exception). */
        boolean canShow(int codePoint) {
            return cmap.getGlyphId(codePoint) != 0;
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
