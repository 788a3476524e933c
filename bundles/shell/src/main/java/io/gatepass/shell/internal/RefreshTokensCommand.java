package io.gatepass.shell.internal;

import java.io.IOException;
import java.util.Arrays;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.ClientAppType;
import io.gatepass.api.ClientCredentials;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.TokenPair;
import io.gatepass.api.TokenService;
import io.gatepass.shell.completers.ClientAppIdCompleter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "token", name = "refresh",
    description = "Exchanges a refresh token for a new pair, as the app's connector would, to test"
        + " it; asks for the token (and the client secret) without echo. The typed token stops"
        + " working.")
@Service
public class RefreshTokensCommand implements Action {

    private static final String HEADLESS = "This session cannot ask for the refresh token: run"
        + " token:refresh in a terminal.";

    @Argument(index = 0, name = "app", required = true,
        description = "The client app the refresh token belongs to")
    @Completion(ClientAppIdCompleter.class)
    String app;

    @Reference
    ClientAppRegistry registry;

    @Reference(optional = true)
    TokenService tokens;

    @Reference
    Session session;

    @Override
    public Object execute() throws IOException {
        TokenService service = TokenText.require(tokens);
        ClientApp client = registry.get(app);
        String refreshToken = TerminalInput.readSecret(session, "Refresh token: ", HEADLESS).trim();
        if (refreshToken.isEmpty()) {
            throw new InvalidInputException("refresh-token",
                "No refresh token was typed: nothing was refreshed.");
        }
        char[] secret = client.type() == ClientAppType.CONFIDENTIAL ? askSecret(client) : null;

        try {
            TokenPair pair =
                service.refresh(refreshToken, new ClientCredentials(client.id(), secret, TokenText.source()));
            System.out.println("Refreshed: the refresh token you typed no longer works.");
            TokenText.printPair(System.out, pair);
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
        return null;
    }

    private char[] askSecret(ClientApp client) throws IOException {
        char[] typed = TerminalInput.readSecret(session, "Client secret of '" + client.id() + "': ",
            HEADLESS).trim().toCharArray();
        if (typed.length == 0) {
            throw new InvalidInputException("client-secret",
                "No client secret was typed: nothing was refreshed.");
        }
        return typed;
    }
}
