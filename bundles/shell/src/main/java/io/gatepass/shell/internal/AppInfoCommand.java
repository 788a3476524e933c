package io.gatepass.shell.internal;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppRegistry;
import io.gatepass.shell.completers.ClientAppIdCompleter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "app", name = "info", description = "Shows everything about one client app except its secret.")
@Service
public class AppInfoCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The app id")
    @Completion(ClientAppIdCompleter.class)
    String id;

    @Reference
    ClientAppRegistry registry;

    @Override
    public Object execute() {
        ClientApp app = registry.get(id);

        System.out.println("Id:                " + app.id());
        System.out.println("Name:              " + app.name());
        System.out.println("Description:       " + (app.description().isEmpty() ? "(none)" : app.description()));
        System.out.println("Type:              " + app.type().label());
        System.out.println("Enabled:           " + (app.enabled() ? "yes" : "no"));
        System.out.println("Access-token TTL:  " + ShellText.lifetime(app.accessTokenLifetime()));
        System.out.println("Refresh-token TTL: " + ShellText.lifetime(app.refreshTokenLifetime()));
        System.out.println("Created:           " + ShellText.time(app.created()));
        System.out.println("Updated:           " + ShellText.time(app.updated()));
        System.out.println("Last used:         " + ShellText.time(app.lastUsed()));
        return null;
    }
}
