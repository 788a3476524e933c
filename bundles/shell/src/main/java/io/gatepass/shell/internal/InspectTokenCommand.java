package io.gatepass.shell.internal;

import java.io.IOException;

import io.gatepass.api.InvalidInputException;
import io.gatepass.api.TokenInspection;
import io.gatepass.api.TokenService;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "token", name = "inspect",
    description = "Shows what a token is, whether it works and its grant; never the token itself.")
@Service
public class InspectTokenCommand implements Action {

    @Argument(index = 0, name = "token", required = false, censor = true,
        description = "The access or refresh token. Leave it out to type it without echo:"
            + " written on a command line, it can end up in shell history")
    String token;

    @Reference(optional = true)
    TokenService tokens;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        return HiddenArguments.run("token:inspect", this::runHidden);
    }

    private Object runHidden() throws IOException {
        TokenService service = TokenText.require(tokens);
        String presented = token != null ? token : TerminalInput.readSecret(session, "Token: ",
            "This session cannot ask for the token: run token:inspect in a terminal,"
                + " or give the token as the argument.");
        presented = presented.trim();
        if (presented.isEmpty()) {
            throw new InvalidInputException("token", "No token was given: nothing to inspect.");
        }

        TokenInspection inspection = service.inspect(presented);

        System.out.println("Kind:            " + TokenText.kind(inspection.kind()));
        System.out.println("Active:          " + (inspection.active() ? "yes" : "no"));
        if (!inspection.active()) {
            System.out.println("Reason:          " + inspection.reason().description());
        }
        inspection.knownGrant().ifPresentOrElse(grant -> TokenText.printGrant(System.out, grant),
            () -> System.out.println("Grant:           unknown"));
        return null;
    }
}
