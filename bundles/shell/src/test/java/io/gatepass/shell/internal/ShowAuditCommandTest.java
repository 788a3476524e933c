package io.gatepass.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShowAuditCommandTest {

    @Test
    void aLimitFromOneToTenThousandIsAccepted() {
        assertThat(ShowAuditCommand.parseLimit(" 10000 ")).isEqualTo(10_000);
        assertThat(ShowAuditCommand.parseLimit("1")).isEqualTo(1);
    }

    @Test
    void aLimitOutsideTheRangeOrNotANumberIsRejectedWithTheRule() {
        assertThatThrownBy(() -> ShowAuditCommand.parseLimit("0"))
            .hasMessage("Invalid limit '0': use a number from 1 to 10000.");
        assertThatThrownBy(() -> ShowAuditCommand.parseLimit("lots"))
            .hasMessage("Invalid limit 'lots': use a number from 1 to 10000.");
    }
}
