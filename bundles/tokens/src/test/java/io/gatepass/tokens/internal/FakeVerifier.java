package io.gatepass.tokens.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.gatepass.spi.CredentialVerifier;

/** Users with passwords and roles, in memory; remembers the last password array it was given. */
final class FakeVerifier implements CredentialVerifier {

    private record User(String password, Set<String> roles) {
    }

    private final Map<String, User> users = new ConcurrentHashMap<>();
    volatile char[] lastPasswordSeen;

    void add(String username, String password, String... roles) {
        users.put(username, new User(password, Set.of(roles)));
    }

    void remove(String username) {
        users.remove(username);
    }

    @Override
    public Set<String> verify(String username, char[] password) {
        lastPasswordSeen = password;
        User user = users.get(username);
        if (user == null || !user.password().equals(new String(password))) {
            throw new BadCredentialsException("Wrong username or password.");
        }
        return user.roles();
    }

    @Override
    public boolean exists(String username) {
        return users.containsKey(username);
    }
}
