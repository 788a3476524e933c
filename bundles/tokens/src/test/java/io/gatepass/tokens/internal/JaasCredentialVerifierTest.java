package io.gatepass.tokens.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.TextInputCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import io.gatepass.spi.CredentialVerifier.BadCredentialsException;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JaasCredentialVerifierTest {

    private static final String MODULES = "org.apache.karaf.jaas.modules.";
    private static final String PROPERTIES = MODULES + "properties.PropertiesLoginModule";
    private static final String PUBLICKEY = MODULES + "publickey.PublickeyLoginModule";
    private static final String AUDIT = MODULES + "audit.EventAdminAuditLoginModule";
    private static final String LDAP = "org.example.DirectoryLoginModule";

    private final LoginLog log = new LoginLog();
    private final Map<String, Account> accounts = Map.of(
        "bob", new Account("s3cret", List.of(new UserPrincipal("bob"), new GroupPrincipal("admins"),
            new RolePrincipal("admin"), new RolePrincipal("viewer"))),
        "keyholder", new Account("s3cret", List.of()));
    private final Configuration configuration = new OneRealm("karaf", accounts, log);
    private final JaasCredentialVerifier verifier = verifierOf("karaf");
    private final ClassLoader testContextLoader = Thread.currentThread().getContextClassLoader();

    @AfterEach
    void restoreContextClassLoader() {
        Thread.currentThread().setContextClassLoader(testContextLoader);
    }

    @Test
    void theRolesAreTheNamesOfTheRolePrincipalsOnly() {
        Set<String> roles = verifier.verify("bob", "s3cret".toCharArray());

        assertThat(roles).containsExactly("admin", "viewer");
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatExceptionOfType(BadCredentialsException.class)
            .isThrownBy(() -> verifier.verify("bob", "guess".toCharArray()))
            .withMessage("Wrong username or password.");
    }

    @Test
    void anUnknownUserGetsTheSameRefusalAsAWrongPassword() {
        assertThatExceptionOfType(BadCredentialsException.class)
            .isThrownBy(() -> verifier.verify("mallory", "s3cret".toCharArray()))
            .withMessage("Wrong username or password.");
    }

    @Test
    void anEmptyPasswordIsRefusedWithoutAskingTheRealm() {
        assertThatExceptionOfType(BadCredentialsException.class)
            .isThrownBy(() -> verifier.verify("bob", new char[0]))
            .withMessage("Wrong username or password.");
        assertThat(log.passwordCallback).isNull();
    }

    @Test
    void aRealmThatIsNotConfiguredRefusesEveryLogin() {
        JaasCredentialVerifier lost = verifierOf("nowhere");

        assertThatExceptionOfType(BadCredentialsException.class)
            .isThrownBy(() -> lost.verify("bob", "s3cret".toCharArray()))
            .withMessage("Wrong username or password.");
    }

    @Test
    void aLoginModuleAskingForMoreThanNameAndPasswordRefusesTheLogin() {
        assertThatExceptionOfType(BadCredentialsException.class)
            .isThrownBy(() -> verifier.verify("keyholder", "s3cret".toCharArray()))
            .withMessage("Wrong username or password.");
    }

    @Test
    void thePasswordHandedToTheLoginModuleIsClearedOnceTheLoginIsOver() {
        verifier.verify("bob", "s3cret".toCharArray());

        assertThat(log.passwordCallback.getPassword()).containsOnly(' ');
    }

    @Test
    void thePasswordIsClearedAfterAFailedLoginToo() {
        assertThatExceptionOfType(BadCredentialsException.class)
            .isThrownBy(() -> verifier.verify("bob", "guess".toCharArray()));

        assertThat(log.passwordCallback.getPassword()).containsOnly(' ');
    }

    @Test
    void theCallersPasswordArrayIsLeftToTheCaller() {
        char[] password = "s3cret".toCharArray();

        verifier.verify("bob", password);

        assertThat(password).containsExactly('s', '3', 'c', 'r', 'e', 't');
    }

    @Test
    void theUserIsLoggedOutAgainOnceTheRolesAreRead() {
        verifier.verify("bob", "s3cret".toCharArray());

        assertThat(log.loggedOut).isTrue();
    }

    @Test
    void theLoginModuleIsFoundWhateverContextClassLoaderTheCallerHas() {
        Thread.currentThread().setContextClassLoader(new URLClassLoader(new URL[0], null));

        assertThat(verifier.verify("bob", "s3cret".toCharArray())).contains("admin");
    }

    @Test
    void theCallersContextClassLoaderIsRestoredAfterwards() {
        ClassLoader callers = new URLClassLoader(new URL[0], null);
        Thread.currentThread().setContextClassLoader(callers);

        verifier.verify("bob", "s3cret".toCharArray());

        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(callers);
    }

    @Test
    void aUserTheUserStoreOfTheRealmKnowsExists() {
        verifier.bindRealm(realm("karaf", 0, PROPERTIES));
        verifier.bindEngineFactory(factory(PROPERTIES, engineKnowing("bob")));

        assertThat(verifier.exists("bob")).isTrue();
    }

    @Test
    void aUserNoUserStoreOfTheRealmKnowsIsGone() {
        verifier.bindRealm(realm("karaf", 0, PROPERTIES, PUBLICKEY));
        verifier.bindEngineFactory(factory(PROPERTIES, engineKnowing("alice")));
        verifier.bindEngineFactory(factory(PUBLICKEY, engineKnowing("carol")));

        assertThat(verifier.exists("bob")).isFalse();
    }

    @Test
    void auditModulesDoNotKeepAGoneUserAlive() {
        verifier.bindRealm(realm("karaf", 0, PROPERTIES, AUDIT));
        verifier.bindEngineFactory(factory(PROPERTIES, engineKnowing("alice")));

        assertThat(verifier.exists("bob")).isFalse();
    }

    @Test
    void aUserCountsAsExistingWhenALoginModuleHasNoUserStore() {
        verifier.bindRealm(realm("karaf", 0, PROPERTIES, LDAP));
        verifier.bindEngineFactory(factory(PROPERTIES, engineKnowing("alice")));

        assertThat(verifier.exists("bob")).isTrue();
    }

    @Test
    void aUserCountsAsExistingWhenAUserStoreFails() {
        verifier.bindRealm(realm("karaf", 0, PROPERTIES, LDAP));
        verifier.bindEngineFactory(factory(PROPERTIES, engineKnowing("alice")));
        verifier.bindEngineFactory(factory(LDAP, failingEngine()));

        assertThat(verifier.exists("bob")).isTrue();
    }

    @Test
    void aUserCountsAsExistingWhenTheRealmIsMissing() {
        verifier.bindRealm(realm("other", 0, PROPERTIES));
        verifier.bindEngineFactory(factory(PROPERTIES, engineKnowing("alice")));

        assertThat(verifier.exists("bob")).isTrue();
    }

    @Test
    void onlyTheHighestRankedRealmOfTheNameIsAsked() {
        verifier.bindRealm(realm("karaf", 0, LDAP));
        verifier.bindRealm(realm("karaf", 10, PROPERTIES));
        verifier.bindEngineFactory(factory(LDAP, engineKnowing("bob")));
        verifier.bindEngineFactory(factory(PROPERTIES, engineKnowing("alice")));

        assertThat(verifier.exists("bob")).isFalse();
    }

    @Test
    void aRealmThatWentAwayIsNoLongerAsked() {
        JaasRealm karaf = realm("karaf", 0, PROPERTIES);
        verifier.bindRealm(karaf);
        verifier.bindEngineFactory(factory(PROPERTIES, engineKnowing("alice")));

        verifier.unbindRealm(karaf);

        assertThat(verifier.exists("bob")).isTrue();
    }

    private JaasCredentialVerifier verifierOf(String realm) {
        return new JaasCredentialVerifier(realm,
            (name, subject, handler) -> new LoginContext(name, subject, handler, configuration));
    }

    private static JaasRealm realm(String name, int rank, String... moduleClasses) {
        AppConfigurationEntry[] entries = Arrays.stream(moduleClasses)
            .map(moduleClass -> new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                LoginModuleControlFlag.OPTIONAL,
                Map.of(ProxyLoginModule.PROPERTY_MODULE, moduleClass)))
            .toArray(AppConfigurationEntry[]::new);
        return new JaasRealm() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public int getRank() {
                return rank;
            }

            @Override
            public AppConfigurationEntry[] getEntries() {
                return entries;
            }
        };
    }

    private static BackingEngineFactory factory(String moduleClass, BackingEngine engine) {
        return new BackingEngineFactory() {
            @Override
            public String getModuleClass() {
                return moduleClass;
            }

            @Override
            public BackingEngine build(Map<String, ?> options) {
                return engine;
            }
        };
    }

    private static BackingEngine engineKnowing(String... usernames) {
        List<String> known = List.of(usernames);
        return engine((method, args) -> switch (method) {
            case "lookupUser" -> known.contains(args[0])
                ? new UserPrincipal((String) args[0]) : null;
            case "listUsers" -> known.stream().map(UserPrincipal::new).toList();
            default -> throw new UnsupportedOperationException(method);
        });
    }

    private static BackingEngine failingEngine() {
        return engine((method, args) -> {
            throw new IllegalStateException("directory unreachable");
        });
    }

    private static BackingEngine engine(EngineBehaviour behaviour) {
        return (BackingEngine) Proxy.newProxyInstance(BackingEngine.class.getClassLoader(),
            new Class<?>[] {BackingEngine.class},
            (proxy, method, args) -> behaviour.answer(method.getName(), args));
    }

    @FunctionalInterface
    private interface EngineBehaviour {
        Object answer(String method, Object[] args);
    }

    private record Account(String password, List<Principal> principals) {
    }

    /** What the login module saw, for the test to look at afterwards. */
    private static final class LoginLog {
        PasswordCallback passwordCallback;
        boolean loggedOut;
    }

    /** A JAAS configuration with one realm, served by {@link AccountsLoginModule}. */
    private static final class OneRealm extends Configuration {

        private final String name;
        private final Map<String, ?> options;

        OneRealm(String name, Map<String, Account> accounts, LoginLog log) {
            this.name = name;
            this.options = Map.of("accounts", accounts, "log", log);
        }

        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String realm) {
            if (!name.equals(realm)) {
                return null;
            }
            return new AppConfigurationEntry[] {new AppConfigurationEntry(
                AccountsLoginModule.class.getName(), LoginModuleControlFlag.REQUIRED, options)};
        }
    }

    /**
     * Logs in the accounts it is given, as Karaf's properties module does: name and password
     * through callbacks, principals added on commit and removed on logout. A user without
     * principals also asks for a text input, as a module wanting more than a password would.
     */
    public static final class AccountsLoginModule implements LoginModule {

        private Subject subject;
        private CallbackHandler handler;
        private Map<String, Account> accounts;
        private LoginLog log;
        private List<Principal> pending = List.of();
        private final List<Principal> added = new ArrayList<>();

        @Override
        @SuppressWarnings("unchecked")
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
                               Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
            this.accounts = (Map<String, Account>) options.get("accounts");
            this.log = (LoginLog) options.get("log");
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("Username: ");
            PasswordCallback password = new PasswordCallback("Password: ", false);
            log.passwordCallback = password;
            ask(name, password);

            Account account = accounts.get(name.getName());
            if (account == null) {
                throw new FailedLoginException("User " + name.getName() + " does not exist");
            }
            if (account.principals().isEmpty()) {
                ask(new TextInputCallback("One-time code: "));
            }
            // A test double: the time this comparison takes tells nobody anything.
            if (!Arrays.equals(password.getPassword(), account.password().toCharArray())) {
                throw new FailedLoginException("Password for " + name.getName()
                    + " does not match");
            }
            pending = account.principals();
            return true;
        }

        private void ask(Callback... callbacks) throws LoginException {
            try {
                handler.handle(callbacks);
            } catch (IOException | UnsupportedCallbackException e) {
                throw new LoginException("Cannot ask for " + e.getMessage());
            }
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().addAll(pending);
            added.addAll(pending);
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            subject.getPrincipals().removeAll(added);
            log.loggedOut = true;
            return true;
        }
    }
}
