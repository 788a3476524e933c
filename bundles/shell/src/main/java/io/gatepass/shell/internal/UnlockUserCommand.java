package io.gatepass.shell.internal;

import io.gatepass.api.InvalidInputException;
import io.gatepass.api.TokenService;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "token", name = "unlock",
    description = "Lifts the password lockout of a user, from every source.")
@Service
public class UnlockUserCommand implements Action {

    @Argument(index = 0, name = "username", required = true, description = "The server user")
    String username;

    @Reference(optional = true)
    TokenService tokens;

    @Override
    public Object execute() {
        boolean wasLocked = TokenText.require(tokens).unlock(username, TokenText.source());

        String user = "User " + InvalidInputException.quote(username);
        System.out.println(wasLocked ? user + " may try passwords again."
            : user + " was not locked out.");
        return null;
    }
}
