package io.gatepass.shell.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.GatepassException;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.TokenRequest;
import io.gatepass.api.TokenService;
import io.gatepass.shell.completers.ClientAppIdCompleter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "token", name = "generate",
    description = "Generates an access and a refresh token for a client app acting as a user;"
        + " asks for the user's password and prints the tokens once.")
@Service
public class GenerateTokensCommand implements Action {

    @Argument(index = 0, name = "app", required = true, description = "The client app id")
    @Completion(ClientAppIdCompleter.class)
    String app;

    @Argument(index = 1, name = "username", required = true,
        description = "The server user the app will act as")
    String username;

    @Argument(index = 2, name = "misplaced", multiValued = true, required = false,
        description = "Not an option: options go before the app")
    List<String> wordsAfterUsername;

    @Option(name = "--roles",
        description = "Only these of the user's roles, comma-separated, e.g. viewer (default: all)")
    String roles;

    @Option(name = "--password", censor = true,
        description = "The user's password, for scripts only. Unsafe: it stays in shell history"
            + " and can show in process lists; leave it out to be asked without echo")
    String password;

    @Reference
    ClientAppRegistry registry;

    @Reference(optional = true)
    TokenService tokens;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        return HiddenArguments.run("token:generate", this::runHidden);
    }

    private Object runHidden() throws IOException {
        rejectWordsAfterUsername();
        Set<String> roleNames = roles == null ? Set.of() : TokenText.parseRoles(roles);
        TokenService service = TokenText.require(tokens);
        requireEnabled(registry.get(app));

        char[] secret = password != null ? password.toCharArray() : askPassword();
        password = null;
        try {
            TokenRequest request =
                new TokenRequest(app, username, secret, roleNames, TokenText.source());
            TokenText.printPair(System.out, service.generate(request));
        } finally {
            Arrays.fill(secret, '\0');
        }
        return null;
    }

    /** The words may hold a password (typed as a third argument), so they are not repeated. */
    private void rejectWordsAfterUsername() {
        if (wordsAfterUsername != null && !wordsAfterUsername.isEmpty()) {
            throw new InvalidInputException("options", "Unexpected words after the username (not"
                + " repeated here, as they may hold a password): in Karaf, options go before the"
                + " arguments, e.g. token:generate --roles viewer " + app + " " + username + ".");
        }
    }

    /**
     * The token service refuses a disabled app too; asking the registry first spares typing a
     * password in vain.
     */
    private static void requireEnabled(ClientApp client) {
        if (!client.enabled()) {
            throw new GatepassException("Client app '" + client.id() + "' is disabled; enable it"
                + " with app:enable " + client.id() + " before generating tokens.");
        }
    }

    private char[] askPassword() throws IOException {
        char[] typed = TerminalInput.readSecret(session, "Password of user '" + username + "': ",
            "This session cannot ask for the password: run token:generate in a terminal,"
                + " or give --password in a script.").toCharArray();
        if (typed.length == 0) {
            throw new InvalidInputException("password",
                "No password was typed: no tokens were generated.");
        }
        return typed;
    }
}
