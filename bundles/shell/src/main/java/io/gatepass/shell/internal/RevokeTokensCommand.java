package io.gatepass.shell.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import io.gatepass.api.GatepassException;
import io.gatepass.api.Grant;
import io.gatepass.api.GrantQuery;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.TokenKind;
import io.gatepass.api.TokenService;
import io.gatepass.shell.completers.ClientAppIdCompleter;
import io.gatepass.shell.completers.GrantIdCompleter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "token", name = "revoke",
    description = "Revokes grants: one by grant id or token, or every live grant of an app, of a"
        + " user, or of all apps (these ask first).")
@Service
public class RevokeTokensCommand implements Action {

    @Argument(index = 0, name = "grant-id-or-token", required = false, censor = true,
        description = "A grant id (see token:list), or one of the grant's tokens (masked as typed)")
    @Completion(GrantIdCompleter.class)
    String target;

    @Argument(index = 1, name = "misplaced", multiValued = true, required = false,
        description = "Not an option: options go before the grant id or token")
    List<String> wordsAfterTarget;

    @Option(name = "--app", description = "Revoke every live grant of this client app")
    @Completion(ClientAppIdCompleter.class)
    String app;

    @Option(name = "--user", description = "Revoke every live grant acting as this user")
    String user;

    @Option(name = "--all", description = "Revoke every live grant of every app")
    boolean all;

    @Option(name = "--force",
        description = "Revoke the grants of --app, --user or --all without asking")
    boolean force;

    @Reference(optional = true)
    TokenService tokens;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        return HiddenArguments.run("token:revoke", this::runHidden);
    }

    private Object runHidden() throws IOException {
        rejectWordsAfterTarget();
        int given = (target != null ? 1 : 0) + (app != null ? 1 : 0) + (user != null ? 1 : 0)
            + (all ? 1 : 0);
        if (given != 1) {
            throw new InvalidInputException("options", "Say what to revoke with exactly one of:"
                + " a grant id or token, --app <id>, --user <name>, or --all.");
        }
        TokenService service = TokenText.require(tokens);
        String source = TokenText.source();

        if (target != null) {
            System.out.println(revokeOne(service, target.trim(), source));
        } else if (app != null) {
            revokeMany(service, "of app " + InvalidInputException.quote(app),
                GrantQuery.live().app(app), () -> service.revokeApp(app, source));
        } else if (user != null) {
            revokeMany(service, "of user " + InvalidInputException.quote(user),
                GrantQuery.live().user(user), () -> service.revokeUser(user, source));
        } else {
            revokeMany(service, "of every app", GrantQuery.live(), () -> service.revokeAll(source));
        }
        return null;
    }

    /** The words are repeated in the message: a token or secret among them is not. */
    private void rejectWordsAfterTarget() {
        if (wordsAfterTarget != null) {
            ShellText.rejectWordsAfter("the grant id or token", "token:revoke",
                TokenText.shown(target),
                wordsAfterTarget.stream().map(TokenText::shown).collect(Collectors.toList()));
        }
    }

    private static String revokeOne(TokenService service, String target, String source) {
        if (TokenKind.ofToken(target) != null) {
            Optional<Grant> grant = service.inspect(target).knownGrant();
            if (!service.revokeToken(target, source)) {
                throw new GatepassException("That token belongs to no live grant.");
            }
            return grant.map(TokenText::revoked).orElse("Revoked the token's grant.");
        }
        if (TokenText.looksLikeSecret(target)) {
            throw new InvalidInputException("grant-id-or-token", "That looks like a client"
                + " secret, not a grant id or token: nothing was revoked.");
        }
        Optional<Grant> grant = service.grant(target);
        if (!service.revokeGrant(target, source)) {
            throw new GatepassException(
                "No live grant with id " + InvalidInputException.quote(target) + ".");
        }
        return grant.map(TokenText::revoked).orElse("Revoked grant " + target + ".");
    }

    private void revokeMany(TokenService service, String whose, GrantQuery live, IntSupplier revoke)
            throws IOException {
        if (!force) {
            int count = service.grants(live).size();
            if (count == 0) {
                System.out.println("No live grants " + whose + ": nothing to revoke.");
                return;
            }
            if (!TerminalInput.confirmed(session, "Revoke " + count + " live " + grants(count) + " "
                + whose + "? Type yes to confirm: ")) {
                throw new GatepassException("The grants " + whose + " were not revoked: answer"
                    + " 'yes' to confirm, or pass --force.");
            }
        }

        int revoked = revoke.getAsInt();

        System.out.println("Revoked " + revoked + " " + grants(revoked) + " " + whose + ".");
    }

    private static String grants(int count) {
        return count == 1 ? "grant" : "grants";
    }
}
