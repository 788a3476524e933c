package io.gatepass.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryStringTest {

    @ParameterizedTest
    @ValueSource(strings = {"access_token", "refresh_token", "token", "client_secret", "password"})
    void aTokenOrSecretInTheUrlIsRefused(String name) {
        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> QueryString.parse("app=sdx&" + name + "=gpat_whatever"))
            .withMessage("Tokens must not be sent in the URL (the query string has '" + name + "'): send them"
                + " in the request body or the Authorization header.")
            .satisfies(problem -> assertThat(problem.status()).isEqualTo(400));
    }

    @Test
    void anEncodedOrUpperCaseNameIsRecognisedToo() {
        assertThatExceptionOfType(HttpProblem.class).isThrownBy(() -> QueryString.parse("access%5Ftoken=x"));
        assertThatExceptionOfType(HttpProblem.class).isThrownBy(() -> QueryString.parse("Access_Token=x"));
    }

    @Test
    void otherParametersAreDecoded() {
        QueryString query = QueryString.parse("app=sdx-prod&user=J%C3%BCrgen");

        assertThat(query.get("app")).contains("sdx-prod");
        assertThat(query.get("user")).contains("J\u00fcrgen");
        assertThat(query.names()).containsExactlyInAnyOrder("app", "user");
    }

    @Test
    void noQueryStringHasNoParameters() {
        assertThat(QueryString.parse(null).names()).isEmpty();
        assertThat(QueryString.parse("").get("app")).isEmpty();
    }

    @Test
    void brokenEncodingInTheQueryStringIsRefused() {
        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> QueryString.parse("app=%zz"))
            .withMessage("The query string is not valid form encoding: '%' must be followed by two hex digits.");
    }
}
