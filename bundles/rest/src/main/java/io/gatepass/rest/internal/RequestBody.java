package io.gatepass.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import javax.servlet.http.HttpServletRequest;

/**
 * Reads a request body up to a limit. A declared length over the limit is refused before
 * reading; a body without a length (chunked) is counted as it comes and refused as soon as it
 * passes the limit. Grown buffers are wiped, since bodies carry secrets.
 */
final class RequestBody {

    private final byte[] bytes;
    private final int length;

    private RequestBody(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    /** @throws HttpProblem 413 when the body is larger than {@code limit} bytes */
    static RequestBody read(HttpServletRequest request, int limit) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw HttpProblem.tooLarge(limit);
        }
        byte[] buffer = new byte[declared >= 0 ? (int) declared + 1 : Math.min(limit + 1, 1024)];
        int length = 0;
        try (InputStream in = request.getInputStream()) {
            for (int n; (n = in.read(buffer, length, buffer.length - length)) > 0; ) {
                length += n;
                if (length > limit) {
                    throw HttpProblem.tooLarge(limit);
                }
                if (length == buffer.length) {
                    byte[] grown = Arrays.copyOf(buffer, Math.min(limit + 1, buffer.length * 2));
                    Arrays.fill(buffer, (byte) 0);
                    buffer = grown;
                }
            }
        } catch (IOException | RuntimeException e) {
            Arrays.fill(buffer, (byte) 0);
            throw e;
        }
        return new RequestBody(buffer, length);
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** Overwrites the body. */
    void wipe() {
        Arrays.fill(bytes, (byte) 0);
    }
}
