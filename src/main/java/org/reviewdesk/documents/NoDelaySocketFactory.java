package org.reviewdesk.documents;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * Sockets with Nagle's algorithm off, for the store's HTTP client (OkHttp leaves it on). The request
 * body goes out in 8 KiB writes; with Nagle the last piece smaller than a segment waits until the
 * server has acknowledged everything before it, and the server's delayed ACK makes that wait 40 ms
 * on Linux whenever an odd segment is left unacknowledged: a 10 MB upload over loopback took either
 * ~65 ms or ~105 ms. Apache HttpClient, Netty and curl send with TCP_NODELAY by default.
 */
final class NoDelaySocketFactory extends SocketFactory {

    private final SocketFactory sockets = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(sockets.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(sockets.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(sockets.createSocket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws SocketException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
