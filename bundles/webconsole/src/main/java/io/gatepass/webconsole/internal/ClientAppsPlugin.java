package io.gatepass.webconsole.internal;

import java.io.IOException;
import java.net.URL;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.TokenService;

import org.apache.felix.webconsole.DefaultVariableResolver;
import org.apache.felix.webconsole.SimpleWebConsolePlugin;
import org.apache.felix.webconsole.WebConsoleConstants;
import org.apache.felix.webconsole.WebConsoleUtil;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console tab "Client Apps" at {@code /system/console/gatepass}. GET serves the page (a
 * template), its script and style sheet, and the data paths {@code apps.json},
 * {@code grants.json} and {@code audit.json}; POST to {@code <action>.json} changes state, and
 * only with the session's CSRF token. The web console has authenticated the user, with its
 * admin role, before any of this runs.
 */
@Component(service = Servlet.class, property = {
    WebConsoleConstants.PLUGIN_LABEL + "=" + ClientAppsPlugin.LABEL,
    WebConsoleConstants.PLUGIN_TITLE + "=" + ClientAppsPlugin.TITLE,
    WebConsoleConstants.PLUGIN_CATEGORY + "=" + ClientAppsPlugin.CATEGORY})
public class ClientAppsPlugin extends SimpleWebConsolePlugin {

    static final String LABEL = "gatepass";
    static final String TITLE = "Client Apps";
    static final String CATEGORY = "Security";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ClientAppsPlugin.class);

    private static final String TEMPLATE = "/templates/clientapps.html";
    private static final String RESOURCES = "/res/";
    private static final Set<String> RESOURCE_NAMES =
        Set.of("clientapps.css", "clientapps-support.js", "clientapps-tokens.js", "clientapps.js");
    private static final String[] CSS = {"/" + LABEL + RESOURCES + "clientapps.css"};
    /** The template variable that puts the CSRF token into the page. */
    private static final String CSRF_VARIABLE = "gatepass.csrf";
    /** Where the web console's security provider leaves the authenticated user's name. */
    private static final String REMOTE_USER = "org.osgi.service.http.authentication.remote.user";

    private final transient ConsoleJson json = new ConsoleJson();
    private final transient CsrfGuard csrf = new CsrfGuard(new SecureRandom());
    private final transient ConsoleQueries queries;
    private final transient ConsoleActions actions;

    @Activate
    public ClientAppsPlugin(@Reference ClientAppRegistry registry, @Reference TokenService tokens,
                            BundleContext context) {
        super(LABEL, TITLE, CATEGORY, CSS);
        queries = new ConsoleQueries(registry, tokens, json);
        actions = new ConsoleActions(registry, tokens, json);
        // SCR also calls the inherited activate(BundleContext) and deactivate() by their default
        // names; both only hand the plugin its bundle context, so a second call changes nothing.
        activate(context);
        LOG.debug("Web console tab '{}' activated", TITLE);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws ServletException, IOException {
        String path = pathInPlugin(request);
        switch (path) {
            case "/apps.json" -> answer(response, queries::apps);
            case "/grants.json" -> answer(response, () -> queries.grants(request.getParameter("app"),
                request.getParameter("user"), "true".equals(request.getParameter("all"))));
            case "/audit.json" -> answer(response, () -> queries.audit(request.getParameter("app"),
                request.getParameter("user"), request.getParameter("limit")));
            case "", "/" -> {
                // Before the page is written: the session cookie must go out with its headers.
                csrf.tokenFor(CsrfGuard.SessionAttributes.of(request.getSession(true)));
                protect(response);
                super.doGet(request, response);
            }
            default -> {
                if (getResource("/" + LABEL + path) != null) {
                    super.doGet(request, response);
                } else {
                    send(response, Reply.error(404, "not_found",
                        "The Client Apps tab has no such page.", null));
                }
            }
        }
    }

    @Override
    protected void renderContent(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
        String token = csrf.tokenFor(CsrfGuard.SessionAttributes.of(request.getSession(true)));
        if (WebConsoleUtil.getVariableResolver(request) instanceof DefaultVariableResolver variables) {
            variables.put(CSRF_VARIABLE, token);
        }
        response.getWriter().print(readTemplateFile(TEMPLATE));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
        String path = pathInPlugin(request);
        if (!csrf.accepts(CsrfGuard.SessionAttributes.of(request.getSession(false)),
            request.getHeader(CsrfGuard.HEADER))) {
            LOG.warn("Web console request without the page's CSRF token from {}: refused",
                request.getRemoteAddr());
            send(response, ConsoleErrors.csrfRejected());
            return;
        }
        String action = path.startsWith("/") && path.endsWith(".json")
            ? path.substring(1, path.length() - ".json".length())
            : "";
        if (!actions.knows(action)) {
            send(response, Reply.error(404, "unknown_action",
                "The Client Apps tab has no such action.", null));
            return;
        }

        String source = source(request);
        LOG.info("Web console action '{}' by {}", action, source);
        answer(response, () -> {
            try (ActionRequest body = ActionRequest.read(request.getInputStream(), json.factory())) {
                return actions.perform(action, body, source);
            }
        });
    }

    /** Serves only the page's own script and style sheet, not every resource of the bundle. */
    @Override
    protected URL getResource(String path) {
        String prefix = "/" + LABEL + RESOURCES;
        String name = path != null && path.startsWith(prefix) ? path.substring(prefix.length()) : "";
        return RESOURCE_NAMES.contains(name) ? getClass().getResource(RESOURCES + name) : null;
    }

    /** @return who asks, as audit entries and throttling name it: console:user@address */
    static String source(HttpServletRequest request) {
        String user = request.getRemoteUser();
        if (user == null && request.getAttribute(REMOTE_USER) instanceof String authenticated) {
            user = authenticated;
        }
        return "console:" + (user == null ? "unknown" : user) + "@" + request.getRemoteAddr();
    }

    private static String pathInPlugin(HttpServletRequest request) {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String label = "/" + LABEL;
        return path.startsWith(label) ? path.substring(label.length()) : path;
    }

    private void answer(HttpServletResponse response, Work work) throws IOException {
        Reply reply;
        try {
            reply = work.run();
        } catch (RuntimeException e) {
            reply = ConsoleErrors.reply(e);
            if (reply.status() >= 500) {
                LOG.error("Web console request failed", e);
            }
        }
        send(response, reply);
    }

    private void send(HttpServletResponse response, Reply reply) throws IOException {
        byte[] body = json.write(reply.body());
        try {
            response.setStatus(reply.status());
            response.setContentType("application/json;charset=UTF-8");
            protect(response);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } finally {
            // Some answers carry a secret or tokens: leave no copy of ours behind.
            Arrays.fill(body, (byte) 0);
        }
    }

    /** Nothing of this tab may be cached, sniffed into another type, or framed. */
    private static void protect(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
    }

    /** The part of a request that answers; reading a request body may fail with I/O. */
    @FunctionalInterface
    private interface Work {
        Reply run() throws IOException;
    }
}
