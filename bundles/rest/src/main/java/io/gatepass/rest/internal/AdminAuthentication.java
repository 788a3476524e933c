package io.gatepass.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

import io.gatepass.api.TokenPrincipal;
import io.gatepass.spi.CredentialVerifier;
import io.gatepass.spi.CredentialVerifier.BadCredentialsException;

/**
 * Who is calling the admin API: a server user by HTTP Basic, checked by the
 * {@link CredentialVerifier} (the Karaf JAAS realm by default), or a Gatepass bearer token. Either
 * must hold the administrator role.
 */
final class AdminAuthentication {

    /**
     * An administrator, as audit entries and password throttling name them.
     *
     * @param name the server user
     * @param source {@code http:<user>@<client address>}
     */
    record Admin(String name, String source) {
    }

    private AdminAuthentication() {
    }

    /**
     * @throws HttpProblem 401 without usable credentials, 403 without the administrator role
     */
    static Admin authenticate(String authorization, String address, Endpoints endpoints) {
        String scheme = authorization == null ? "" : authorization.split(" ", 2)[0];
        if (scheme.equalsIgnoreCase("Bearer")) {
            TokenPrincipal principal =
                BearerAuthentication.authenticate(authorization, address, endpoints);
            if (!principal.hasRole(endpoints.adminRole())) {
                throw forbidden("The access token acts as user '" + principal.username()
                    + "' without the role " + endpoints.adminRole() + ", which the admin API needs.");
            }
            return new Admin(principal.username(), "http:" + principal.username() + "@" + address);
        }
        if (!scheme.equalsIgnoreCase("Basic")) {
            throw new HttpProblem(401, "unauthorized", "The admin API needs the username and password"
                + " of an administrator (HTTP Basic) or an administrator's access token (Bearer).")
                .with("WWW-Authenticate", HttpProblem.BASIC_CHALLENGE)
                .with("WWW-Authenticate", BearerAuthentication.CHALLENGE);
        }
        return basic(authorization.substring(scheme.length()).trim(), address, endpoints);
    }

    private static Admin basic(String credentials, String address, Endpoints endpoints) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(credentials);
        } catch (IllegalArgumentException e) {
            throw unauthorized("The HTTP Basic credentials are not valid Base64.");
        }
        char[] password = null;
        try {
            int colon = indexOfColon(decoded);
            if (colon <= 0) {
                throw unauthorized("The HTTP Basic credentials need a username, a ':' and a password.");
            }
            String username = new String(decoded, 0, colon, StandardCharsets.UTF_8);
            password = FormEncoding.utf8(decoded, colon + 1, decoded.length - colon - 1,
                "HTTP Basic password");
            Set<String> roles = verify(username, password, address, endpoints);
            if (!roles.contains(endpoints.adminRole())) {
                throw forbidden("User '" + username + "' does not have the role " + endpoints.adminRole()
                    + ", which the admin API needs.");
            }
            return new Admin(username, "http:" + username + "@" + address);
        } finally {
            Arrays.fill(decoded, (byte) 0);
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static Set<String> verify(String username, char[] password, String address,
                                      Endpoints endpoints) {
        try {
            return endpoints.verifier().call(verifier -> verifier.verify(username, password));
        } catch (BadCredentialsException e) {
            endpoints.throttle().recordFailure(address);
            throw unauthorized("Wrong username or password.");
        }
    }

    private static int indexOfColon(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    private static HttpProblem unauthorized(String description) {
        return new HttpProblem(401, "unauthorized", description)
            .with("WWW-Authenticate", HttpProblem.BASIC_CHALLENGE);
    }

    private static HttpProblem forbidden(String description) {
        return new HttpProblem(403, "forbidden", description);
    }
}
