package io.gatepass.spi;

import java.util.Set;

import io.gatepass.api.GatepassException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks the password of the server user a token pair will act as. The default logs the user
 * into a Karaf JAAS realm; another bundle may register its own with a higher service ranking.
 */
@ConsumerType
public interface CredentialVerifier {

    /** The password is wrong or the user does not exist; the message does not say which. */
    class BadCredentialsException extends GatepassException {

        private static final long serialVersionUID = 1L;

        public BadCredentialsException(String message) {
            super(message);
        }
    }

    /**
     * Checks the password once. Must not keep the password, or copy it into a String.
     *
     * @return the user's roles
     * @throws BadCredentialsException if the user does not exist or the password is wrong
     */
    Set<String> verify(String username, char[] password);

    /** @return whether the user still exists; a user that is gone can no longer refresh */
    boolean exists(String username);
}
