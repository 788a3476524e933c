package io.gatepass.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

    @Test
    void aShortValueIsQuotedWhole() {
        assertThat(InvalidInputException.quote("sdx")).isEqualTo("'sdx'");
    }

    @Test
    void aLongValueIsShortenedToFortyCharactersWithItsLength() {
        assertThat(InvalidInputException.quote("🚀".repeat(50)))
            .isEqualTo("'" + "🚀".repeat(40) + "...' (50 characters)");
    }

    @Test
    void controlCharactersAreEscaped() {
        assertThat(InvalidInputException.quote("a\u0000b\u001b")).isEqualTo("'a\\u0000b\\u001b'");
    }

    @Test
    void nothingIsSaidAsNothing() {
        assertThat(InvalidInputException.of("id", null, "give one").getMessage())
            .isEqualTo("Invalid id (nothing): give one.");
    }
}
