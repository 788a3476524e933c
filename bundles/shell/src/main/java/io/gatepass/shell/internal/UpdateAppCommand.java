package io.gatepass.shell.internal;

import java.util.List;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.ClientAppUpdate;
import io.gatepass.api.InvalidInputException;
import io.gatepass.shell.completers.ClientAppIdCompleter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "app", name = "update", description = "Changes a client app's name, description or token lifetimes.")
@Service
public class UpdateAppCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The app id")
    @Completion(ClientAppIdCompleter.class)
    String id;

    @Argument(index = 1, name = "misplaced", multiValued = true, required = false,
        description = "Not an option: options go before the id")
    List<String> wordsAfterId;

    @Option(name = "--name", description = "New display name")
    String name;

    @Option(name = "--description", description = "New description")
    String description;

    @Option(name = "--access-ttl", description = "Access-token lifetime, e.g. 15m or 1h; 'default' for the global one")
    String accessTtl;

    @Option(name = "--refresh-ttl",
        description = "Refresh-token lifetime, e.g. 30d; 0 = never; 'default' for the global one")
    String refreshTtl;

    @Reference
    ClientAppRegistry registry;

    @Override
    public Object execute() {
        ShellText.rejectWordsAfterId("app:update", id, wordsAfterId);
        ClientAppUpdate update = ClientAppUpdate.none();
        if (name != null) {
            update = update.name(name);
        }
        if (description != null) {
            update = update.description(description);
        }
        if (accessTtl != null) {
            update = update.accessTokenLifetime(ShellText.lifetimeOption("access-ttl", accessTtl));
        }
        if (refreshTtl != null) {
            update = update.refreshTokenLifetime(ShellText.lifetimeOption("refresh-ttl", refreshTtl));
        }
        if (update.isEmpty()) {
            throw new InvalidInputException("options",
                "Nothing to update: give --name, --description, --access-ttl or --refresh-ttl.");
        }

        ClientApp app = registry.update(id, update);

        System.out.println("Updated client app '" + app.id() + "': name '" + app.name()
            + "', access-token TTL " + ShellText.lifetime(app.accessTokenLifetime())
            + ", refresh-token TTL " + ShellText.lifetime(app.refreshTokenLifetime()) + ".");
        return null;
    }
}
