package io.gatepass.webconsole.internal;

import static io.gatepass.webconsole.internal.Requests.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;

import io.gatepass.api.InvalidInputException;

import org.junit.jupiter.api.Test;

class ActionRequestTest {

    @Test
    void textsFlagsAndListsAreReadByName() {
        ActionRequest request =
            body("{'id': 'sync', 'name': '  ', 'enabled': true, 'roles': ['a', 'b'], 'n': 5}");

        assertThat(request.text("id")).isEqualTo("sync");
        assertThat(request.text("name")).isEqualTo("  ");
        assertThat(request.textOrNull("name")).isNull();
        assertThat(request.text("n")).isEqualTo("5");
        assertThat(request.flag("enabled")).isTrue();
        assertThat(request.list("roles")).containsExactly("a", "b");
        assertThat(request.has("description")).isFalse();
        assertThat(request.flag("public")).isFalse();
        assertThat(request.list("none")).isEmpty();
    }

    @Test
    void aNullValueCountsAsLeftOut() {
        ActionRequest request = body("{'description': null}");

        assertThat(request.has("description")).isFalse();
    }

    @Test
    void aRequiredBlankFieldIsRefusedNamingTheField() {
        ActionRequest request = body("{'username': ' '}");

        assertThatThrownBy(() -> request.required("username", "the username"))
            .isInstanceOf(InvalidInputException.class)
            .hasMessage("Enter the username.")
            .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("username");
    }

    @Test
    void thePasswordIsKeptOnlyAsCharactersAndWipedOnClose() {
        ActionRequest request = body("{'username': 'alice', 'password': 'pa\\u00dfword'}");
        char[] password = request.password();

        assertThat(new String(password)).isEqualTo("pa\u00dfword");
        assertThat(request.text("password")).isNull();
        assertThat(request.toString()).contains("password hidden").doesNotContain("pa\u00dfword");

        request.close();

        assertThat(password).containsOnly('\0');
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefusedWithoutQuotingIt() {
        String[] bodies = {"", "[1]", "{'password': 'hunter2'", "{'password': 'hunter2'} x"};
        for (String broken : bodies) {
            assertThatThrownBy(() -> body(broken)).as(broken)
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The request body is not a JSON object of texts: nothing was done.");
        }
    }

    @Test
    void aNestedObjectIsRefusedNamingItsField() {
        assertThatThrownBy(() -> body("{'roles': {'a': 1}}"))
            .isInstanceOf(InvalidInputException.class)
            .hasMessage("Invalid roles: expected a text, true or false, or a list of texts.");
        assertThatThrownBy(() -> body("{'roles': ['a', 2]}"))
            .hasMessage("Invalid roles: expected a list of texts.");
    }

    @Test
    void aBodyLargerThan16KilobytesIsRefused() {
        byte[] large = ("{\"description\": \"" + "x".repeat(ActionRequest.MAX_BYTES) + "\"}").getBytes();

        ByteArrayInputStream body = new ByteArrayInputStream(large);

        assertThatThrownBy(() -> ActionRequest.read(body, new ConsoleJson().factory()))
            .isInstanceOf(InvalidInputException.class)
            .hasMessage("The request is larger than 16 KB: nothing was done.");
    }
}
