package io.gatepass.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.gatepass.api.InvalidInputException;

import org.junit.jupiter.api.Test;

class TokenRequestBodyTest {

    private static TokenRequestBody parse(String json) throws Exception {
        return TokenRequestBody.parse(RequestBody.read(FakeRequest.of("POST", "/api/admin")
            .body("application/json", json), 4096));
    }

    @Test
    void usernamePasswordAndRolesAreRead() throws Exception {
        TokenRequestBody body = parse("{\"username\":\"bob\",\"password\":\"p\\u00e4ss \\\"w\\\"\","
            + "\"roles\":[\"viewer\",\"manager\"]}");

        assertThat(body.username()).isEqualTo("bob");
        assertThat(body.password()).containsExactly("p\u00e4ss \"w\"".toCharArray());
        assertThat(body.roles()).containsExactlyInAnyOrder("viewer", "manager");
        assertThat(body.toString()).doesNotContain("p\u00e4ss").contains("password hidden");
    }

    @Test
    void rolesMayBeLeftOutForAllOfTheUsersRoles() throws Exception {
        assertThat(parse("{\"username\":\"bob\",\"password\":\"x\"}").roles()).isEmpty();
        assertThat(parse("{\"username\":\"bob\",\"password\":\"x\",\"roles\":null}").roles()).isEmpty();
    }

    @Test
    void aMissingPasswordNamesTheField() {
        assertThatExceptionOfType(InvalidInputException.class)
            .isThrownBy(() -> parse("{\"username\":\"bob\"}"))
            .withMessage("The password of user 'bob' is missing.")
            .satisfies(e -> assertThat(e.field()).isEqualTo("password"));
    }

    @Test
    void aMissingUsernameAnUnknownFieldAndAWrongTypeNameTheirFields() {
        assertThatExceptionOfType(InvalidInputException.class)
            .isThrownBy(() -> parse("{\"password\":\"x\"}"))
            .withMessage("The username of the user the tokens will act as is missing.");
        assertThatExceptionOfType(InvalidInputException.class)
            .isThrownBy(() -> parse("{\"username\":\"bob\",\"pwd\":\"x\"}"))
            .withMessage("Unknown field 'pwd'; use username, password and roles.");
        assertThatExceptionOfType(InvalidInputException.class)
            .isThrownBy(() -> parse("{\"username\":\"bob\",\"password\":42}"))
            .withMessage("Invalid password: use a JSON string.");
        assertThatExceptionOfType(InvalidInputException.class)
            .isThrownBy(() -> parse("{\"username\":\"bob\",\"password\":\"x\",\"roles\":\"viewer\"}"))
            .withMessage("Invalid roles: use an array of role names, e.g. [\"viewer\"].");
    }

    @Test
    void aRepeatedFieldTrailingTextAndNotAnObjectAreInvalidRequests() {
        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> parse("{\"username\":\"bob\",\"password\":\"a\",\"password\":\"b\"}"))
            .withMessage("The body is not valid JSON (line 1, column 44).");
        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> parse("{\"username\":\"bob\",\"password\":\"a\"} {}"))
            .withMessage("The body has more after its JSON object.");
        assertThatExceptionOfType(HttpProblem.class)
            .isThrownBy(() -> parse("[\"bob\"]"))
            .withMessage("The body must be a JSON object.");
    }
}
