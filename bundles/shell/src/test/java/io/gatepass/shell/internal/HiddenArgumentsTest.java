package io.gatepass.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HiddenArgumentsTest {

    @Test
    void theCommandRunsUnderANameWithoutItsArgumentsAndTheNameComesBack() throws Exception {
        Thread.currentThread().setName("pipe-token:generate --password s3cret app karaf");

        Object seen = HiddenArguments.run("token:generate", () -> Thread.currentThread().getName());

        assertThat(seen).isEqualTo("pipe-token:generate (arguments hidden)");
        assertThat(Thread.currentThread().getName()).isEqualTo("pipe-token:generate --password s3cret app karaf");
    }

    @Test
    void theNameComesBackWhenTheCommandFails() {
        Thread.currentThread().setName("pipe-token:inspect gpat_x");

        assertThatThrownBy(() -> HiddenArguments.run("token:inspect", () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(Thread.currentThread().getName()).isEqualTo("pipe-token:inspect gpat_x");
    }
}
