package io.gatepass.examples.protecteddata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import io.gatepass.api.TokenPrincipal;

import org.junit.jupiter.api.Test;

class ProtectedItemsServletTest {

    @Test
    void theItemsComeWithTheUserAndAppTheTokenActsAs() throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getAttribute(TokenPrincipal.class.getName())).thenReturn(new TokenPrincipal("g-1", "sdx", "bob",
            Set.of("viewer"), Instant.parse("2026-12-03T11:00:00Z")));
        when(request.getRemoteUser()).thenReturn("bob");
        when(request.isUserInRole("viewer")).thenReturn(true);
        HttpServletResponse response = mock(HttpServletResponse.class);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        });

        new ProtectedItemsServlet().doGet(request, response);

        verify(response).setContentType("application/json;charset=UTF-8");
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo("{\"user\":\"bob\",\"app\":\"sdx\","
            + "\"roles\":[\"viewer\"],\"viewer\":true,\"items\":[{\"id\":1,\"name\":\"Pump station north\","
            + "\"status\":\"running\"},{\"id\":2,\"name\":\"Pump station south\",\"status\":\"maintenance\"},"
            + "{\"id\":3,\"name\":\"Reservoir level sensor\",\"status\":\"running\"}]}");
    }
}
