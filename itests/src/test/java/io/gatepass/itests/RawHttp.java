package io.gatepass.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 request over a socket bound to a chosen local address, so that a test can be a
 * client at another address (any 127.x.y.z is this machine on Linux). The JDK's HttpClient of
 * Java 17 cannot choose its local address.
 */
final class RawHttp {

    /** The answer: status, the raw header block and the body. */
    record Answer(int status, String headers, String body) {

        /** @return the value of the header, or null */
        String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT)
                    .equals(name.toLowerCase(Locale.ROOT))) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private RawHttp() {
    }

    static Answer postForm(InetAddress from, int port, String path, String authorization, String form)
        throws IOException {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n"
            + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
            + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(30_000);
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    /**
     * Any request, with header lines ({@code Name: value}, sent as ISO-8859-1 bytes, so even a NUL
     * goes out as given) and a body or null. A server that answers and closes before it has read
     * the whole request, as one does for a header or a body over its limits, is still heard: its
     * answer is read after the failed write.
     */
    static Answer send(InetAddress from, int port, String method, String path, List<String> headerLines,
                       byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
            + "\r\n");
        headerLines.forEach(line -> head.append(line).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(30_000);
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            IOException writeFailure = null;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                writeFailure = e;
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(received);
            } catch (IOException e) {
                // A reset after the answer: keep what came before it.
                if (received.size() == 0) {
                    if (writeFailure != null) {
                        e.addSuppressed(writeFailure);
                    }
                    throw e;
                }
            }
            return parse(new ByteArrayInputStream(received.toByteArray()));
        }
    }

    private static Answer parse(InputStream in) throws IOException {
        String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int end = all.indexOf("\r\n\r\n");
        String headers = end < 0 ? all : all.substring(0, end);
        String body = end < 0 ? "" : all.substring(end + 4);
        int status = Integer.parseInt(headers.split(" ", 3)[1]);
        return new Answer(status, headers, body);
    }
}
