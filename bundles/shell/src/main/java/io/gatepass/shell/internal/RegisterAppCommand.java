package io.gatepass.shell.internal;

import java.util.List;

import io.gatepass.api.ClientAppRegistration;
import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.ClientAppType;
import io.gatepass.api.ClientSecret;
import io.gatepass.api.DurationText;
import io.gatepass.api.NewClientApp;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "app", name = "register", description = "Registers a client app; prints its client secret once.")
@Service
public class RegisterAppCommand implements Action {

    @Argument(index = 0, name = "id", required = true,
        description = "The app id: 1 to 63 lower-case letters, digits and hyphens")
    String id;

    @Argument(index = 1, name = "misplaced", multiValued = true, required = false,
        description = "Not an option: options go before the id")
    List<String> wordsAfterId;

    @Option(name = "--name", description = "Display name (default: the id)")
    String name;

    @Option(name = "--description", description = "What the app is for")
    String description;

    @Option(name = "--public", description = "A public app: no client secret (e.g. a desktop script)")
    boolean publicApp;

    @Option(name = "--enable", description = "Enable the app at once (new apps start disabled)")
    boolean enable;

    @Option(name = "--access-ttl", description = "Access-token lifetime of this app, e.g. 15m, 1h")
    String accessTtl;

    @Option(name = "--refresh-ttl", description = "Refresh-token lifetime of this app, e.g. 30d; 0 = never")
    String refreshTtl;

    @Option(name = "--reuse-deleted-id", description = "Allow the id of a deleted app to name this new app")
    boolean reuseDeletedId;

    @Reference
    ClientAppRegistry registry;

    @Override
    public Object execute() {
        ShellText.rejectWordsAfterId("app:register", id, wordsAfterId);
        NewClientApp request = NewClientApp.withId(id)
            .name(name)
            .description(description)
            .type(publicApp ? ClientAppType.PUBLIC : ClientAppType.CONFIDENTIAL)
            .enabled(enable)
            .accessTokenLifetime(accessTtl == null ? null : DurationText.parse("access-ttl", accessTtl))
            .refreshTokenLifetime(refreshTtl == null ? null : DurationText.parse("refresh-ttl", refreshTtl))
            .reuseDeletedId(reuseDeletedId);

        ClientAppRegistration registration = registry.register(request);

        var app = registration.app();
        System.out.println("Registered client app '" + app.id() + "' (" + app.type().label() + ", "
            + (app.enabled() ? "enabled" : "disabled") + ").");
        registration.clientSecret().ifPresent(this::printSecretOnce);
        if (!app.enabled()) {
            System.out.println("Enable it with: app:enable " + app.id());
        }
        return null;
    }

    private void printSecretOnce(ClientSecret secret) {
        System.out.println("Client secret: " + secret.reveal());
        System.out.println("This secret will not be shown again: copy it now into the app's configuration.");
        secret.wipe();
    }
}
