package io.gatepass.shell.internal;

import java.time.Duration;
import java.util.List;

import io.gatepass.api.ClientAppRegistry;
import io.gatepass.api.DurationText;
import io.gatepass.api.SecretRotation;
import io.gatepass.shell.completers.ClientAppIdCompleter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "app", name = "rotate-secret",
    description = "Gives a confidential client app a new client secret; prints it once.")
@Service
public class RotateSecretCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The app id")
    @Completion(ClientAppIdCompleter.class)
    String id;

    @Argument(index = 1, name = "misplaced", multiValued = true, required = false,
        description = "Not an option: options go before the id")
    List<String> wordsAfterId;

    @Option(name = "--keep-old",
        description = "How long the old secret keeps working, e.g. 24h (default: it stops at once)")
    String keepOld;

    @Reference
    ClientAppRegistry registry;

    @Override
    public Object execute() {
        ShellText.rejectWordsAfterId("app:rotate-secret", id, wordsAfterId);
        Duration grace = keepOld == null ? Duration.ZERO : DurationText.parse("keep-old", keepOld);

        SecretRotation rotation = registry.rotateSecret(id, grace);

        System.out.println("New client secret of '" + id + "': " + rotation.secret().reveal());
        System.out.println("This secret will not be shown again: copy it now into the app's configuration.");
        System.out.println(rotation.previousSecretGrace()
            .map(until -> "The previous secret keeps working until " + ShellText.time(until) + ".")
            .orElse("The previous secret no longer works."));
        rotation.secret().wipe();
        return null;
    }
}
