package io.gatepass.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ShellTextTest {

    @Test
    void aMissingTimeReadsNever() {
        assertThat(ShellText.time(null)).isEqualTo("never");
    }

    @Test
    void timesArePrintedInUtcToTheSecond() {
        Instant time = Instant.parse("2030-01-02T03:04:05.678Z");

        assertThat(ShellText.time(time)).isEqualTo("2030-01-02 03:04:05Z");
    }

    @Test
    void wordsAfterTheLastArgumentAreExplainedWithTheRightOrder() {
        assertThatThrownBy(() -> ShellText.rejectWordsAfter("the grant id or token",
            "token:revoke", "g-1", List.of("--force")))
            .hasMessage("Unexpected '--force' after the grant id or token: in Karaf, options go"
                + " before the arguments, e.g. token:revoke --force g-1.");
    }
}
