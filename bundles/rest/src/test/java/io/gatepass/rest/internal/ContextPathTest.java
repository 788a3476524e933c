package io.gatepass.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ContextPathTest {

    @Test
    void theRootAndSlashSeparatedSegmentsAreContextPaths() {
        assertThat(HttpEndpointsComponent.contextPath("basePath", "/")).isEqualTo("/");
        assertThat(HttpEndpointsComponent.contextPath("basePath", " /gatepass ")).isEqualTo("/gatepass");
        assertThat(HttpEndpointsComponent.contextPath("basePath", "/api/v1.gatepass")).isEqualTo("/api/v1.gatepass");
    }

    @Test
    void aPathWithoutALeadingSlashOrWithATrailingOneIsRefusedNamingTheProperty() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> HttpEndpointsComponent.contextPath("basePath", "gatepass"))
            .withMessage("Invalid basePath 'gatepass' in configuration io.gatepass.rest: use '/' or segments like"
                + " /gatepass of letters, digits, '.', '_', '~' and '-'.");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> HttpEndpointsComponent.contextPath("protectedContextPath", "/data/"));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> HttpEndpointsComponent.contextPath("basePath", "/a b"));
    }
}
