package io.gatepass.shell.internal;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.gatepass.api.GatepassException;
import io.gatepass.api.Grant;
import io.gatepass.api.GrantStatus;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.TokenKind;
import io.gatepass.api.TokenPair;
import io.gatepass.api.TokenService;

import org.apache.karaf.shell.support.ShellUtil;

/** What the token commands share: who is asking, roles, and how grants and pairs are printed. */
final class TokenText {

    static final String NEVER_UNLESS_IDLE = "never (unless unused for the idle timeout)";

    /** Gatepass secrets all start like this: gpat_, gprt_, gpcs_. */
    private static final Pattern SECRET_PREFIX = Pattern.compile("^gp[a-z]{2}_");

    private TokenText() {
    }

    /**
     * The token bundle can come and go while the commands stay (they are registered with the
     * app commands): say so plainly instead of failing on a missing reference.
     */
    static TokenService require(TokenService tokens) {
        if (tokens == null) {
            throw new GatepassException("The token service is not running: start the bundle"
                + " gatepass-tokens (see bundle:list).");
        }
        return tokens;
    }

    /** @return {@code shell:<user>} for the logged-in Karaf user, or {@code shell} if none */
    static String source() {
        String user = ShellUtil.getCurrentUserName();
        return user == null ? "shell" : "shell:" + user;
    }

    /**
     * @param text role names separated by commas, e.g. {@code admin, viewer}
     * @return the trimmed names, in the order given
     * @throws InvalidInputException naming the field {@code roles} if an entry is empty
     */
    static Set<String> parseRoles(String text) {
        Set<String> roles = new LinkedHashSet<>();
        for (String entry : text.split(",", -1)) {
            String role = entry.trim();
            if (role.isEmpty()) {
                throw InvalidInputException.of("roles", text,
                    "give role names separated by commas, e.g. admin,viewer");
            }
            roles.add(role);
        }
        return roles;
    }

    static String roles(Set<String> roles) {
        if (roles == null || roles.isEmpty()) {
            return "(none)";
        }
        return String.join(", ", new TreeSet<>(roles));
    }

    /** @return e.g. {@code access-expired} */
    static String status(GrantStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String kind(TokenKind kind) {
        return kind == null ? "unknown" : kind.name().toLowerCase(Locale.ROOT);
    }

    /** @return whether the text starts like a Gatepass token or secret */
    static boolean looksLikeSecret(String text) {
        return text != null && SECRET_PREFIX.matcher(text).find();
    }

    /** @return the word as it may be repeated in a message: tokens and secrets replaced */
    static String shown(String word) {
        if (TokenKind.ofToken(word) != null) {
            return "<token>";
        }
        return looksLikeSecret(word) ? "<secret>" : word;
    }

    /** Prints a new pair, the one time its tokens are shown. */
    static void printPair(PrintStream out, TokenPair pair) {
        out.println("Grant:         " + pair.grantId());
        out.println("App:           " + pair.appId());
        out.println("User:          " + pair.username());
        out.println("Roles:         " + roles(pair.roles()));
        out.println("Access token:  " + pair.accessToken());
        out.println("  expires " + ShellText.time(pair.accessTokenExpiresAt()));
        out.println("Refresh token: " + pair.refreshToken());
        out.println("  expires "
            + pair.refreshTokenExpiry().map(ShellText::time).orElse(NEVER_UNLESS_IDLE));
        out.println("These tokens will not be shown again:"
            + " copy them now into the app's secure storage.");
    }

    /** Prints everything about a grant, one line each; a grant holds no token. */
    static void printGrant(PrintStream out, Grant grant) {
        out.println("Grant:           " + grant.grantId());
        out.println("App:             " + grant.appId());
        out.println("User:            " + grant.username());
        out.println("Roles:           " + roles(grant.roles()));
        out.println("Created:         " + ShellText.time(grant.created()));
        out.println("Last used:       " + ShellText.time(grant.lastUsed()));
        out.println("Access expires:  " + ShellText.time(grant.accessTokenExpiresAt()));
        out.println("Refresh expires: " + ShellText.time(grant.refreshTokenExpiresAt()));
        out.println("Status:          " + status(grant.status()));
        if (grant.revocation() != null) {
            out.println("Revocation:      " + grant.revocation());
        }
    }

    /** @return e.g. {@code Revoked grant g-1 (app sdx, user bob).} */
    static String revoked(Grant grant) {
        return "Revoked grant " + grant.grantId() + " (app " + grant.appId() + ", user "
            + grant.username() + ").";
    }
}
