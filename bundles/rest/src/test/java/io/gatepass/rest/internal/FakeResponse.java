package io.gatepass.rest.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletResponse;

import org.mockito.Answers;

/** A response that records what was sent; the methods Gatepass never calls are Mockito's. */
abstract class FakeResponse implements HttpServletResponse {

    private int status = 200;
    private String contentType;
    private boolean committed;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    static FakeResponse create() {
        return mock(FakeResponse.class, withSettings().useConstructor().defaultAnswer(Answers.CALLS_REAL_METHODS));
    }

    int status() {
        return status;
    }

    String body() {
        return body.toString(StandardCharsets.UTF_8);
    }

    /** @return every value of the header, in the order sent */
    List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(), List.of());
    }

    String contentType() {
        return contentType;
    }

    boolean committed() {
        return committed;
    }

    @Override
    public void setStatus(int code) {
        status = code;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void setHeader(String name, String value) {
        headers.put(name.toLowerCase(), new ArrayList<>(List.of(value)));
    }

    @Override
    public void addHeader(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(), key -> new ArrayList<>()).add(value);
    }

    @Override
    public String getHeader(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public void setContentType(String type) {
        contentType = type;
    }

    @Override
    public void setContentLength(int length) {
        setHeader("Content-Length", String.valueOf(length));
    }

    @Override
    public boolean isCommitted() {
        return committed;
    }

    @Override
    public void resetBuffer() {
        body.reset();
    }

    @Override
    public void flushBuffer() {
        committed = true;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
