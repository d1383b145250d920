package org.reviewdesk.registration.receipt;
import org.reviewdesk.documents.receipt.ReceiptProperties;
import org.reviewdesk.registration.LifecycleBenchmark;


/**
 * Render time and size of a typical acceptance receipt (a figure, not a check: the suite asserts no
 * timings). Run as docs/benchmarks.md says for {@code LifecycleBenchmark}, with this class's name.
 */
public final class AcceptanceReceiptBenchmark {

    private AcceptanceReceiptBenchmark() {
    }

    public static void main(String[] args) {
        AcceptanceReceipt receipt = AcceptanceReceiptTest.receipt(ReceiptProperties.defaults());
        receipt.render(AcceptanceReceiptTest.typical()); // class loading and the font's first subset
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        byte[] pdf = null;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            pdf = receipt.render(AcceptanceReceiptTest.typical());
        }
        long micros = (System.nanoTime() - start) / 1000 / runs;
        System.out.printf("typical receipt: %.1f ms per render (mean of %d), %d bytes%n", micros / 1000.0, runs, pdf.length);
    }
}
