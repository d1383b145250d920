package org.reviewdesk.documents.inspection;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures what a PDF stream unpacks to before PDFBox unpacks it. PDFBox 3 decodes a whole stream
 * into memory whenever it reads one, with no limit, so a few kilobytes of nested Flate can ask for
 * gigabytes. Every stream is decoded here once into a counting sink that gives up at the limit:
 * nothing decoded is kept, so memory stays flat whatever the stream claims.
 *
 * <p>Limits: a stream that is not an image unpacks to at most {@value #MAX_DECODED_BYTES} bytes; an
 * image to what its width, height, colours and bits per component make, plus
 * {@value #IMAGE_SLACK} bytes, and its pixels are within the pixel limit. Image codecs (DCT, JPX,
 * JBIG2, CCITT) are not decoded: their declared dimensions are checked instead, for JPEG also the
 * dimensions in its own header, which is what the decoder believes.
 */
final class StreamGuard {

    /** Content streams, fonts, object and cross-reference streams of a real document are far smaller. */
    static final long MAX_DECODED_BYTES = 50L * 1024 * 1024;
    /** Image data may carry a little padding beyond its rows. */
    static final long IMAGE_SLACK = 1024 * 1024;
    /** PDFBox allocates two rows of this length for a PNG predictor; 1 MiB is a 32,768-pixel RGBA row at 16 bits. */
    static final long MAX_PREDICTOR_ROW_BYTES = 1024 * 1024;
    /** Real files chain at most two or three filters. */
    static final int MAX_FILTERS = 5;

    /** The filters PDFBox applies a predictor after. */
    private static final Set<COSName> PREDICTED = Set.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION,
            COSName.LZW_DECODE, COSName.LZW_DECODE_ABBREVIATION);
    private static final Set<COSName> IMAGE_CODECS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
            COSName.JPX_DECODE, COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION);

    private static final Logger log = LoggerFactory.getLogger(StreamGuard.class);

    private final long maxPixels;

    StreamGuard(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** Refuses the stream when it (or the image it holds) would unpack beyond the limits. */
    void check(COSStream stream) throws IOException {
        boolean image = COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE));
        long limit = MAX_DECODED_BYTES;
        if (image) {
            limit = imageLimit(stream, COSName.WIDTH, COSName.HEIGHT, "image");
        }
        List<COSName> filters = filters(stream.getDictionaryObject(COSName.FILTER));
        if (filters.isEmpty()) {
            return; // stored as is: no bigger than the file
        }
        try (InputStream raw = stream.createRawInputStream()) {
            decode(raw, filters, stream, limit);
        }
    }

    /**
     * Called before PDFBox runs each content stream operator: stops a cancelled job, and measures an
     * image written inside the content stream (BI ... ID ... EI), which PDFBox unpacks when it draws it.
     */
    void beforeOperator(Operator operator) throws IOException {
        Interruptions.check();
        if ("BI".equals(operator.getName())) {
            checkInlineImage(operator.getImageParameters(), operator.getImageData());
        }
    }

    private void checkInlineImage(COSDictionary parameters, byte[] data) throws IOException {
        long limit = imageLimit(parameters, COSName.W, COSName.H, "inline image");
        List<COSName> filters = filters(parameters.getDictionaryObject(COSName.F, COSName.FILTER));
        if (!filters.isEmpty() && data != null) {
            decode(new ByteArrayInputStream(data), filters, parameters, limit);
        }
    }

    private long imageLimit(COSDictionary image, COSName widthKey, COSName heightKey, String what) {
        long width = number(image, widthKey, COSName.WIDTH);
        long height = number(image, heightKey, COSName.HEIGHT);
        if (width <= 0 || height <= 0) {
            return MAX_DECODED_BYTES; // cannot be drawn; unpacking is still bounded
        }
        checkPixels(width, height, what);
        boolean mask = image.getBoolean(COSName.IMAGE_MASK, COSName.IM, false);
        long bits = mask ? 1 : Math.max(1, Math.min(16, number(image, COSName.BITS_PER_COMPONENT, COSName.BPC)));
        if (!mask && !image.containsKey(COSName.BITS_PER_COMPONENT) && !image.containsKey(COSName.BPC)) {
            bits = 16; // JPX images may omit it
        }
        int components = mask ? 1 : components(image.getDictionaryObject(COSName.COLORSPACE, COSName.CS));
        return (width * components * bits + 7) / 8 * height + IMAGE_SLACK;
    }

    void checkPixels(long width, long height, String what) {
        if (width > maxPixels || height > maxPixels || width * height > maxPixels) {
            throw InspectionRefusedException.of(RefusalReason.IMAGE_TOO_LARGE,
                    what + " of " + width + " x " + height + " pixels", width, height, megapixels(maxPixels));
        }
    }

    static String megapixels(long pixels) {
        double value = pixels / 1_000_000.0;
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private void decode(InputStream raw, List<COSName> filters, COSDictionary parameters, long limit)
            throws IOException {
        if (filters.size() > MAX_FILTERS) {
            throw InspectionRefusedException.of(RefusalReason.DAMAGED, filters.size() + " filters on one stream");
        }
        InputStream in = raw;
        List<Path> intermediates = new ArrayList<>();
        try {
            for (int index = 0; index < filters.size(); index++) {
                COSName name = filters.get(index);
                boolean last = index == filters.size() - 1;
                checkPredictorRow(parameters, index);
                if (IMAGE_CODECS.contains(name)) {
                    if (!last) {
                        throw InspectionRefusedException.of(RefusalReason.DAMAGED, name.getName() + " before another filter");
                    }
                    checkCodec(name, in, parameters, index);
                    return;
                }
                Filter filter = filter(name);
                if (last) {
                    long predictorRow = predictorRowBytes(parameters, index);
                    if (predictorRow > 0 && PREDICTED.contains(name)) {
                        // a predictor only shrinks what the filter inflates (PNG: by its one tag byte per
                        // row), so the inflated bytes, plus those tag bytes, bound the size: undoing the
                        // prediction (~3/4 of a 10 MB scan's inspection) would only be thrown away here
                        try (CountingSink sink = new CountingSink(OutputStream.nullOutputStream(),
                                limit + limit / predictorRow + 1)) {
                            decodeOne(filter, in, sink, withoutPredictor(parameters, index), index);
                        }
                        return;
                    }
                    try (CountingSink sink = new CountingSink(OutputStream.nullOutputStream(), limit)) {
                        decodeOne(filter, in, sink, parameters, index);
                    }
                } else {
                    Path next = Files.createTempFile("reviewdesk-inspection-", ".bin");
                    intermediates.add(next);
                    try (CountingSink sink = new CountingSink(new BufferedOutputStream(Files.newOutputStream(next), 1 << 16), limit)) {
                        decodeOne(filter, in, sink, parameters, index);
                    }
                    in.close();
                    in = new BufferedInputStream(Files.newInputStream(next), 1 << 16);
                }
            }
        } finally {
            in.close();
            for (Path path : intermediates) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void decodeOne(Filter filter, InputStream in, CountingSink sink, COSDictionary parameters, int index)
            throws IOException {
        try {
            filter.decode(in, sink, parameters, index);
        } catch (LimitReached e) {
            // reported below
        } catch (IOException e) {
            if (e instanceof InterruptedIOException) {
                throw e;
            }
            // broken data: PDFBox stops at the same place when it decodes, which is all that matters here
            log.debug("Stream data ends in an error after {} bytes: {}", sink.count, e.toString());
        }
        if (sink.exceeded) {
            throw InspectionRefusedException.of(RefusalReason.STREAM_TOO_LARGE,
                    "a stream unpacks to more than " + sink.limit + " bytes");
        }
    }

    private void checkCodec(COSName name, InputStream in, COSDictionary parameters, int index) throws IOException {
        if (COSName.DCT_DECODE.equals(name) || COSName.DCT_DECODE_ABBREVIATION.equals(name)) {
            ImageHeaders.Size size = ImageHeaders.jpegSize(in);
            if (size != null) {
                checkPixels(size.width(), size.height(), "JPEG inside the PDF");
            }
        } else if (COSName.CCITTFAX_DECODE.equals(name) || COSName.CCITTFAX_DECODE_ABBREVIATION.equals(name)) {
            COSDictionary decodeParameters = decodeParameters(parameters, index);
            long columns = decodeParameters.getLong(COSName.COLUMNS, 1728);
            long rows = decodeParameters.getLong(COSName.ROWS, 0);
            if (rows > 0) {
                checkPixels(columns, rows, "fax image");
            }
        }
        // JPX and JBIG2 need decoders PDFBox does not have here: such images are not drawn at all
    }

    /** The bytes of a predictor row of the filter at {@code index}, or 0 without a predictor. */
    private static long predictorRowBytes(COSDictionary parameters, int index) {
        COSDictionary decodeParameters = decodeParameters(parameters, index);
        if (decodeParameters.getInt(COSName.PREDICTOR) <= 1) {
            return 0;
        }
        long colors = Math.min(decodeParameters.getInt(COSName.COLORS, 1), 32);
        long bits = decodeParameters.getInt(COSName.BITS_PER_COMPONENT, 8);
        long columns = decodeParameters.getInt(COSName.COLUMNS, 1);
        return Math.max(1, (columns * colors * bits + 7) / 8);
    }

    /** {@code parameters} as the filter at {@code index} reads them, its decode parameters without the predictor. */
    private static COSDictionary withoutPredictor(COSDictionary parameters, int index) {
        COSDictionary decodeParameters = new COSDictionary(decodeParameters(parameters, index));
        decodeParameters.removeItem(COSName.PREDICTOR);
        COSDictionary copy = new COSDictionary(parameters);
        copy.removeItem(COSName.DP);
        if (copy.getDictionaryObject(COSName.F, COSName.FILTER) instanceof COSArray filters) {
            COSArray perFilter = new COSArray();
            for (int i = 0; i < filters.size(); i++) {
                perFilter.add(i == index ? decodeParameters : COSNull.NULL);
            }
            copy.setItem(COSName.DECODE_PARMS, perFilter);
        } else {
            copy.setItem(COSName.DECODE_PARMS, decodeParameters);
        }
        return copy;
    }

    private static void checkPredictorRow(COSDictionary parameters, int index) {
        COSDictionary decodeParameters = decodeParameters(parameters, index);
        if (decodeParameters.getInt(COSName.PREDICTOR) > 1) {
            long colors = Math.min(decodeParameters.getInt(COSName.COLORS, 1), 32);
            long bits = decodeParameters.getInt(COSName.BITS_PER_COMPONENT, 8);
            long columns = decodeParameters.getInt(COSName.COLUMNS, 1);
            long row = (columns * colors * bits + 7) / 8;
            if (row <= 0 || row > MAX_PREDICTOR_ROW_BYTES) {
                throw InspectionRefusedException.of(RefusalReason.STREAM_TOO_LARGE,
                        "predictor rows of " + columns + " columns x " + colors + " colours x " + bits + " bits");
            }
        }
    }

    /** The parameters PDFBox's {@code Filter.getDecodeParams} hands the filter at {@code index}. */
    private static COSDictionary decodeParameters(COSDictionary dictionary, int index) {
        COSBase filter = dictionary.getDictionaryObject(COSName.F, COSName.FILTER);
        COSBase parameters = dictionary.getDictionaryObject(COSName.DP, COSName.DECODE_PARMS);
        if (filter instanceof COSName && parameters instanceof COSDictionary single) {
            return single;
        }
        if (filter instanceof COSArray && parameters instanceof COSArray array && index < array.size()
                && array.getObject(index) instanceof COSDictionary atIndex) {
            return atIndex;
        }
        return new COSDictionary();
    }

    private static Filter filter(COSName name) {
        try {
            return FilterFactory.INSTANCE.getFilter(name);
        } catch (IOException e) {
            throw InspectionRefusedException.of(RefusalReason.DAMAGED, "unknown filter " + name.getName());
        }
    }

    private static List<COSName> filters(COSBase filter) {
        if (filter == null) {
            return List.of();
        }
        if (filter instanceof COSName name) {
            return List.of(name);
        }
        if (filter instanceof COSArray array) {
            List<COSName> names = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                if (!(array.getObject(i) instanceof COSName name)) {
                    throw InspectionRefusedException.of(RefusalReason.DAMAGED, "a filter that is not a name");
                }
                names.add(name);
            }
            return names;
        }
        throw InspectionRefusedException.of(RefusalReason.DAMAGED, "a filter that is not a name");
    }

    private static long number(COSDictionary dictionary, COSName key, COSName alternative) {
        return dictionary.getDictionaryObject(key, alternative) instanceof COSNumber number
                ? number.longValue() : -1;
    }

    /** Colour components of a colour space; 4 (the most of the usual ones) when it cannot be told. */
    private static int components(COSBase colorSpace) {
        if (colorSpace instanceof COSName name) {
            return switch (name.getName()) {
                case "DeviceGray", "G", "CalGray", "Indexed", "I" -> 1;
                case "DeviceRGB", "RGB", "CalRGB", "Lab" -> 3;
                default -> 4;
            };
        }
        if (colorSpace instanceof COSArray array && array.size() > 0 && array.getObject(0) instanceof COSName family) {
            switch (family.getName()) {
                case "Indexed", "I", "Separation", "CalGray":
                    return 1;
                case "CalRGB", "Lab":
                    return 3;
                case "ICCBased":
                    if (array.size() > 1 && array.getObject(1) instanceof COSStream profile) {
                        int n = profile.getInt(COSName.N, 4);
                        return n >= 1 && n <= 32 ? n : 4;
                    }
                    return 4;
                case "DeviceN":
                    if (array.size() > 1 && array.getObject(1) instanceof COSArray names) {
                        return Math.max(1, Math.min(32, names.size()));
                    }
                    return 4;
                default:
                    return 4;
            }
        }
        return 4;
    }

    /** Counts what a filter writes and gives up, once, at the limit; stops a cancelled inspection. */
    private static final class CountingSink extends OutputStream {
        private final OutputStream target;
        private final long limit;
        private long count;
        private boolean exceeded;

        CountingSink(OutputStream target, long limit) {
            this.target = target;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            target.write(b, off, len);
        }

        private void count(int bytes) throws IOException {
            if (exceeded) {
                throw new LimitReached();
            }
            long before = count;
            count += bytes;
            if (count > limit) {
                exceeded = true;
                throw new LimitReached();
            }
            if (before >>> 16 != count >>> 16) {
                Interruptions.check(); // every 64 kB
            }
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }

    private static final class LimitReached extends IOException {
        private static final long serialVersionUID = 1L;

        LimitReached() {
            super("decoded size limit reached", null);
        }
    }
}
