package io.gatepass.rest.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;

import org.mockito.Answers;

/**
 * A request as a test describes it. Abstract so that Mockito fills in the many methods of
 * {@link HttpServletRequest} that Gatepass never calls; those answer null or zero.
 */
abstract class FakeRequest implements HttpServletRequest {

    private String method = "GET";
    private String servletPath = "";
    private String pathInfo;
    private String query;
    private String contentType;
    private byte[] body = new byte[0];
    private long declaredLength = -1;
    private boolean bodyRead;
    private String remoteAddr = "10.0.0.7";
    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, Object> attributes = new HashMap<>();

    static FakeRequest of(String method, String servletPath) {
        FakeRequest request = mock(FakeRequest.class,
            withSettings().useConstructor().defaultAnswer(Answers.CALLS_REAL_METHODS));
        request.method = method;
        request.servletPath = servletPath;
        return request;
    }

    /** A POST with a form body and its Content-Length. */
    static FakeRequest form(String servletPath, String form) {
        return of("POST", servletPath).body("application/x-www-form-urlencoded", form);
    }

    FakeRequest body(String type, String text) {
        return body(type, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** @param declared whether the length is declared, or the body comes chunked */
    FakeRequest body(String type, byte[] bytes, boolean declared) {
        contentType = type;
        body = bytes;
        declaredLength = declared ? bytes.length : -1;
        return this;
    }

    /** Declares a length without a body to read; reading it fails the test. */
    FakeRequest declaredLength(long length) {
        declaredLength = length;
        contentType = "application/x-www-form-urlencoded";
        return this;
    }

    FakeRequest header(String name, String value) {
        headers.put(name.toLowerCase(), value);
        return this;
    }

    FakeRequest query(String raw) {
        query = raw;
        return this;
    }

    FakeRequest pathInfo(String path) {
        pathInfo = path;
        return this;
    }

    FakeRequest from(String address) {
        remoteAddr = address;
        return this;
    }

    boolean bodyWasRead() {
        return bodyRead;
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getServletPath() {
        return servletPath;
    }

    @Override
    public String getPathInfo() {
        return pathInfo;
    }

    @Override
    public String getContextPath() {
        return "/gatepass";
    }

    @Override
    public String getRequestURI() {
        return "/gatepass" + servletPath + (pathInfo == null ? "" : pathInfo);
    }

    @Override
    public String getQueryString() {
        return query;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public long getContentLengthLong() {
        return declaredLength;
    }

    @Override
    public String getRemoteAddr() {
        return remoteAddr;
    }

    @Override
    public String getHeader(String name) {
        return headers.get(name.toLowerCase());
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = getHeader(name);
        return Collections.enumeration(value == null ? java.util.List.of() : java.util.List.of(value));
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public ServletInputStream getInputStream() {
        bodyRead = true;
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return length == 0 ? 0 : in.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
