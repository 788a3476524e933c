package io.gatepass.shell.internal;

import java.io.IOException;
import java.util.List;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.GatepassException;
import io.gatepass.shell.completers.ClientAppIdCompleter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "app", name = "delete", description = "Deletes a client app and revokes its tokens; asks first.")
@Service
public class DeleteAppCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The app id")
    @Completion(ClientAppIdCompleter.class)
    String id;

    @Argument(index = 1, name = "misplaced", multiValued = true, required = false,
        description = "Not an option: options go before the id")
    List<String> wordsAfterId;

    @Option(name = "--force", description = "Delete without asking")
    boolean force;

    @Reference
    ClientAppRegistry registry;

    @Reference
    Session session;

    @Override
    public Object execute() throws IOException {
        ShellText.rejectWordsAfterId("app:delete", id, wordsAfterId);
        ClientApp app = registry.get(id);
        if (!force && !confirmed(app)) {
            throw new GatepassException("Client app '" + id + "' was not deleted: answer 'yes' to confirm, "
                + "or pass --force.");
        }

        registry.delete(id);

        System.out.println("Client app '" + id + "' is deleted. Its id stays reserved;"
            + " app:register --reuse-deleted-id can give it to a new app.");
        return null;
    }

    private boolean confirmed(ClientApp app) throws IOException {
        String question = "Delete client app '" + app.id() + "' (" + app.name()
            + ") and revoke its tokens? Type yes to confirm: ";
        try {
            String answer = session.readLine(question, null);
            return answer != null && answer.trim().equalsIgnoreCase("yes");
        } catch (UnsupportedOperationException noTerminal) {
            // A headless session (a script, another bundle) cannot be asked: that is a no.
            return false;
        }
    }
}
