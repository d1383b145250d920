package org.reviewdesk.documents.inspection;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.io.RandomAccessReadView;

/** The first {@code length} bytes of a file: an earlier revision of an incrementally updated PDF. */
final class PrefixSource implements RandomAccessRead {

    private final RandomAccessReadBufferedFile file;
    private final long length;

    PrefixSource(Path path, long length) throws IOException {
        this.file = new RandomAccessReadBufferedFile(path);
        this.length = Math.min(length, file.length());
    }

    @Override
    public int read() throws IOException {
        return file.getPosition() >= length ? -1 : file.read();
    }

    @Override
    public int read(byte[] b, int offset, int len) throws IOException {
        long left = length - file.getPosition();
        if (left <= 0) {
            return -1;
        }
        return file.read(b, offset, (int) Math.min(len, left));
    }

    @Override
    public long getPosition() throws IOException {
        return file.getPosition();
    }

    @Override
    public void seek(long position) throws IOException {
        file.seek(Math.min(position, length));
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public boolean isClosed() {
        return file.isClosed();
    }

    @Override
    public boolean isEOF() throws IOException {
        return file.getPosition() >= length;
    }

    @Override
    public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
        if (startPosition < 0 || streamLength < 0 || startPosition + streamLength > length) {
            throw new IOException("View beyond the end of this revision");
        }
        return file.createView(startPosition, streamLength);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
