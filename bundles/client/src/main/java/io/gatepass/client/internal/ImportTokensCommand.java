package io.gatepass.client.internal;

import java.util.Arrays;

import io.gatepass.api.GatepassException;
import io.gatepass.client.ConnectionStatus;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.osgi.framework.BundleContext;

@Command(scope = "gatepass-client", name = "import",
    description = "Hands a connection the refresh token generated for its app: asks for it without echo,"
        + " refreshes with it at once (the token you typed then stops working) and keeps the new pair in the"
        + " secret vault. Asks for the client secret too when the connection has none.")
@Service
public class ImportTokensCommand implements Action {

    private static final String HEADLESS = "This session cannot ask for the refresh token: run"
        + " gatepass-client:import in a terminal (bin/client without a command, or ssh).";

    @Option(name = "--client-secret",
        description = "Ask for the app's client secret and keep it in the vault, replacing the one there")
    boolean askSecret;

    @Argument(index = 0, name = "connection", required = true, description = "The connection's name")
    @Completion(ConnectionNameCompleter.class)
    String name;

    @Reference
    BundleContext context;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        ManagedConnection connection = Connections.named(context, name);
        String refreshToken = readSecret("Refresh token for connection '" + name + "': ").trim();
        ConnectionImport.checkRefreshToken(refreshToken);
        ConnectionStatus before = connection.status();
        char[] secret = null;
        if (askSecret || (!connection.hasConfiguredSecret() && !connection.hasStoredSecret())) {
            secret = readSecret("Client secret of app '" + before.appId() + "' (empty for a public app): ")
                .trim().toCharArray();
        }
        try {
            ConnectionStatus status = connection.importTokens(refreshToken, secret);
            System.out.println("Connection '" + name + "' now holds its own tokens in the vault; the refresh token"
                + " you typed no longer works.");
            System.out.println("Access token valid until "
                + ListConnectionsCommand.time(status.accessTokenExpiresAt()) + "; next refresh at "
                + ListConnectionsCommand.time(status.nextRefresh()) + ".");
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
        return null;
    }

    private String readSecret(String prompt) throws java.io.IOException {
        try {
            String typed = session.readLine(prompt, '*');
            return typed == null ? "" : typed;
        } catch (UnsupportedOperationException headless) {
            throw new GatepassException(HEADLESS);
        }
    }
}
