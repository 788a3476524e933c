package io.gatepass.examples.protecteddata;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.gatepass.api.TokenPrincipal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * A data endpoint as a connector's server side would write it: {@code GET /data/items} answers
 * some items as JSON to a client app whose Gatepass access token acts with the role
 * {@code viewer}. Selecting the {@code gatepass} context is all it takes: requests without a
 * valid token never get here (401), nor do tokens without the role (403). The servlet then reads
 * the user from the request as from any other login.
 */
@Component(service = Servlet.class, property = "gatepass.roles=viewer")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=gatepass)")
@HttpWhiteboardServletPattern("/data/items")
@HttpWhiteboardServletName("gatepass-example-items")
public class ProtectedItemsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One thing the server knows about; what a connector would sync. */
    record Item(int id, String name, String status) {
    }

    private static final List<Item> ITEMS = List.of(
        new Item(1, "Pump station north", "running"),
        new Item(2, "Pump station south", "maintenance"),
        new Item(3, "Reservoir level sensor", "running"));

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TokenPrincipal token = (TokenPrincipal) request.getAttribute(TokenPrincipal.class.getName());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", request.getRemoteUser());
        body.put("app", token.appId());
        body.put("roles", new TreeSet<>(token.roles()));
        body.put("viewer", request.isUserInRole("viewer"));
        body.put("items", ITEMS);

        byte[] json = JSON.writeValueAsBytes(body);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
