package org.reviewdesk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Anonymous uploads over raw sockets that send the headers and only the start of a large body: a server
 * that read the body before checking the access code would wait for the rest and never answer. The
 * public APIs of every process are tested with these.
 */
public final class SlowUploads implements AutoCloseable {

    public static final String LOOPBACK = "127.0.0.1";
    private static final int DECLARED = 11 * 1024 * 1024;
    private static final String BOUNDARY = "----reviewdesk-guard";

    private final int port;
    private final List<Socket> open = new ArrayList<>();

    public SlowUploads(int port) {
        this.port = port;
    }

    /** Sends the request's headers and the first 64 KB of an 11 MB body; the rest is never sent. */
    public Socket start(String path, String accessCode, String language) throws IOException {
        Socket socket = new Socket(LOOPBACK, port);
        open.add(socket);
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\n"
                + "Host: " + LOOPBACK + ":" + port + "\r\n"
                + "X-Access-Code: " + accessCode + "\r\n"
                + (language == null ? "" : "Accept-Language: " + language + "\r\n")
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                + "Content-Length: " + DECLARED + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[64 * 1024]);
        out.flush();
        return socket;
    }

    /** The status line, headers and as much of the body as came within the socket's timeout. */
    public static String answer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int read;
        while ((read = in.read(buffer)) > 0) {
            answer.write(buffer, 0, read);
            String text = answer.toString(StandardCharsets.UTF_8);
            int headersEnd = text.indexOf("\r\n\r\n");
            if (headersEnd >= 0 && text.substring(headersEnd).contains("}")) {
                break;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }
}
