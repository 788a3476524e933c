package io.gatepass.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"90s,PT1M30S", "15m,PT15M", "1h,PT1H", "30d,PT720H", "0,PT0S", " 2H ,PT2H"})
    void theFourUnitsAreRead(String text, Duration expected) {
        assertThat(DurationText.parse("access-ttl", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1w", "h", "-5m", "1.5h", "1h30m", ""})
    void anythingElseIsRejectedNamingTheField(String text) {
        assertThatThrownBy(() -> DurationText.parse("access-ttl", text))
            .isInstanceOf(InvalidInputException.class)
            .hasMessage("Invalid access-ttl '" + text + "': use a whole number and a unit: s, m, h or d,"
                + " e.g. 90s, 15m, 1h, 30d.");
    }

    @ParameterizedTest
    @CsvSource({"PT1M30S,90s", "PT15M,15m", "PT1H,1h", "PT720H,30d", "PT0S,0", "PT90M,90m"})
    void durationsAreWrittenInTheLargestExactUnit(Duration duration, String expected) {
        assertThat(DurationText.format(duration)).isEqualTo(expected);
    }
}
