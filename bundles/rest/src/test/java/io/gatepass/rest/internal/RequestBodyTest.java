package io.gatepass.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RequestBodyTest {

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() {
        FakeRequest request = FakeRequest.of("POST", "/oauth/token").declaredLength(1025);

        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> RequestBody.read(request, 1024))
            .withMessage("The request body is larger than 1024 bytes.")
            .satisfies(problem -> assertThat(problem.status()).isEqualTo(413));
        assertThat(request.bodyWasRead()).isFalse();
    }

    @Test
    void aChunkedBodyIsCountedAndRefusedOncePastTheLimit() {
        FakeRequest request = FakeRequest.of("POST", "/oauth/token").body("text/plain", bytes(5000), false);

        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> RequestBody.read(request, 1024))
            .satisfies(problem -> assertThat(problem.status()).isEqualTo(413));
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() throws Exception {
        FakeRequest chunked = FakeRequest.of("POST", "/oauth/token").body("text/plain", bytes(1024), false);
        FakeRequest declared = FakeRequest.of("POST", "/oauth/token").body("text/plain", bytes(1024), true);

        assertThat(RequestBody.read(chunked, 1024).length()).isEqualTo(1024);
        assertThat(RequestBody.read(declared, 1024).length()).isEqualTo(1024);
    }

    @Test
    void anEmptyBodyIsEmpty() throws Exception {
        FakeRequest request = FakeRequest.of("POST", "/api/admin/apps/sdx/enable");

        assertThat(RequestBody.read(request, 1024).length()).isZero();
    }

    @Test
    void wipingOverwritesTheBody() throws Exception {
        RequestBody body = RequestBody.read(FakeRequest.form("/oauth/token", "client_secret=x"), 1024);

        body.wipe();

        assertThat(body.bytes()).containsOnly(0);
    }
}
