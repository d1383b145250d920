package org.reviewdesk.documents.inspection;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The text layer of a checked PDF, at most {@link InspectionResult#MAX_TEXT_CHARS} characters. */
final class TextLayer {

    record Text(String text, boolean truncated) {
    }

    private static final Logger log = LoggerFactory.getLogger(TextLayer.class);

    private TextLayer() {
    }

    /** Text that cannot be extracted (a broken font, say) is no reason to refuse: the result is empty. */
    static Text extract(SafePdf pdf) throws InterruptedIOException {
        BoundedWriter out = new BoundedWriter(InspectionResult.MAX_TEXT_CHARS);
        try {
            PDFTextStripper stripper = new GuardedTextStripper(pdf.guard());
            stripper.setEndPage(pdf.pageSizes().size());
            stripper.writeText(pdf.document(), out);
        } catch (Full e) {
            // enough text
        } catch (InterruptedIOException | InspectionRefusedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            log.info("The text layer of a PDF cannot be extracted: {}", e.toString());
            return new Text("", false);
        }
        return new Text(out.text.toString(), out.truncated);
    }

    /** Stops when cancelled, and measures inline images before PDFBox unpacks them. */
    private static final class GuardedTextStripper extends PDFTextStripper {
        private final StreamGuard guard;

        GuardedTextStripper(StreamGuard guard) {
            this.guard = guard;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            guard.beforeOperator(operator);
            super.processOperator(operator, operands);
        }
    }

    private static final class BoundedWriter extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final int max;
        private boolean truncated;

        BoundedWriter(int max) {
            this.max = max;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            int room = max - text.length();
            if (len > room) {
                text.append(chars, off, room);
                truncated = true;
                throw new Full();
            }
            text.append(chars, off, len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static final class Full extends IOException {
        private static final long serialVersionUID = 1L;

        Full() {
            super("text limit reached", null);
        }
    }
}
