package org.reviewdesk.documents.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the store reads an upload through: counts the bytes, computes the SHA-256 and copies them
 * to a local temporary file for the inspection, all on the way, and fails as soon as the size
 * limit is passed, so neither a large upload nor a lying client makes memory or disk grow beyond
 * the limit. {@link #tooLarge()} tells a size failure from a broken upload afterwards.
 */
final class ReceivingStream extends FilterInputStream {

    private final OutputStream copy;
    private final long maxBytes;
    private final MessageDigest digest;
    private long count;
    private boolean tooLarge;

    ReceivingStream(InputStream source, OutputStream copy, long maxBytes) {
        super(source);
        this.copy = copy;
        this.maxBytes = maxBytes;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
            if (count > maxBytes) {
                tooLarge = true;
                throw new TooLarge(maxBytes);
            }
            digest.update(buffer, offset, n);
            copy.write(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping would leave bytes unhashed");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long count() {
        return count;
    }

    boolean tooLarge() {
        return tooLarge;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super("more than " + maxBytes + " bytes");
        }
    }
}
