package io.gatepass.shell.internal;

import io.gatepass.api.ClientAppRegistry;
import io.gatepass.shell.completers.ClientAppIdCompleter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "app", name = "disable",
    description = "Disables a client app: its tokens fail until it is enabled again.")
@Service
public class DisableAppCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The app id")
    @Completion(ClientAppIdCompleter.class)
    String id;

    @Reference
    ClientAppRegistry registry;

    @Override
    public Object execute() {
        registry.disable(id);
        System.out.println("Client app '" + id + "' is disabled.");
        return null;
    }
}
