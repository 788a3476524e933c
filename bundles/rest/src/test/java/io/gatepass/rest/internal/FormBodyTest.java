package io.gatepass.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FormBodyTest {

    private static FormBody parse(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return FormBody.parse(bytes, bytes.length, "request body");
    }

    @Test
    void plusSignsAndPercentEscapesAreDecoded() {
        FormBody form = parse("grant_type=refresh_token&note=a+b%2Bc%20d%C3%A9");

        assertThat(form.text("grant_type")).contains("refresh_token");
        assertThat(form.text("note")).contains("a b+c d\u00e9");
    }

    @Test
    void aParameterWithoutAValueCountsAsAbsent() {
        FormBody form = parse("client_id=sdx&client_secret=&scope");

        assertThat(form.has("client_secret")).isFalse();
        assertThat(form.has("scope")).isFalse();
        assertThat(form.secret("client_secret")).isNull();
        assertThat(form.names()).containsExactlyInAnyOrder("client_id", "client_secret", "scope");
    }

    @Test
    void aRepeatedParameterIsRefused() {
        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> parse("token=a&token=b"))
            .withMessage("The parameter 'token' is given more than once.")
            .satisfies(problem -> assertThat(problem.error()).isEqualTo("invalid_request"));
    }

    @Test
    void aBrokenPercentEscapeIsRefused() {
        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> parse("token=ab%2"))
            .withMessage("The request body is not valid form encoding: '%' must be followed by two hex digits.");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> parse("name=%FF%FE"))
            .withMessage("The request body is not valid UTF-8.");
    }

    @Test
    void emptyPairsAndNamelessValuesAreIgnored() {
        FormBody form = parse("&&=orphan&token=t1&");

        assertThat(form.names()).containsExactly("token");
    }

    @Test
    void aMissingRequiredParameterIsNamed() {
        FormBody form = parse("grant_type=refresh_token");

        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> form.required("refresh_token"))
            .withMessage("The parameter refresh_token is missing.");
    }

    @Test
    void aSecretIsHandedOutAsACopyAndWipedOnClose() {
        FormBody form = parse("client_secret=gpcs_s3cret");
        char[] copy = form.secret("client_secret");

        form.close();

        assertThat(copy).containsExactly("gpcs_s3cret".toCharArray());
        assertThat(form.secret("client_secret")).containsOnly('\0');
    }
}
