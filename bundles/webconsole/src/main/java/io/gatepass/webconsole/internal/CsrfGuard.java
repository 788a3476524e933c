package io.gatepass.webconsole.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.servlet.http.HttpSession;

/**
 * The synchronizer token that every state-changing request of the page must carry: 256 random
 * bits per HTTP session, put into the page, sent back in the {@value #HEADER} header, compared
 * in constant time. A page of another site can neither read it nor set a custom header on a
 * cross-site request.
 */
final class CsrfGuard {

    /** The request header that carries the token. */
    static final String HEADER = "X-Gatepass-Csrf";

    private static final String ATTRIBUTE = CsrfGuard.class.getName() + ".token";

    private final SecureRandom random;

    CsrfGuard(SecureRandom random) {
        this.random = random;
    }

    /** @return the session's token, made on first use; 43 characters of URL-safe base64 */
    synchronized String tokenFor(SessionAttributes session) {
        if (session.get(ATTRIBUTE) instanceof String existing) {
            return existing;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.put(ATTRIBUTE, token);
        return token;
    }

    /**
     * @param session the request's session, or null when it has none
     * @param presented the token the request carries, or null
     * @return whether the request carries its session's token
     */
    boolean accepts(SessionAttributes session, String presented) {
        if (session == null || presented == null
            || !(session.get(ATTRIBUTE) instanceof String expected)) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
            presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The two things the guard needs of an HTTP session. */
    interface SessionAttributes {

        Object get(String name);

        void put(String name, Object value);

        /** @return the attributes of the HTTP session, or null for no session */
        static SessionAttributes of(HttpSession session) {
            if (session == null) {
                return null;
            }
            return new SessionAttributes() {
                @Override
                public Object get(String name) {
                    return session.getAttribute(name);
                }

                @Override
                public void put(String name, Object value) {
                    session.setAttribute(name, value);
                }
            };
        }
    }
}
