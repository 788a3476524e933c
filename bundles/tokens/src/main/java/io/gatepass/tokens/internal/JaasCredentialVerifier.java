package io.gatepass.tokens.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import io.gatepass.spi.CredentialVerifier;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.BackingEngineService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link CredentialVerifier}: checks a password by logging the user into a Karaf JAAS
 * realm, and asks the user stores (backing engines) of the same realm whether a user exists.
 */
@Component(
    service = CredentialVerifier.class,
    configurationPid = "io.gatepass.jaas",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = JaasVerifierConfig.class)
public class JaasCredentialVerifier implements CredentialVerifier {

    static final String WRONG_CREDENTIALS = "Wrong username or password.";

    /** Karaf's audit modules record login attempts; they neither admit nor list any user. */
    private static final String AUDIT_MODULES = "org.apache.karaf.jaas.modules.audit.";

    private static final Logger LOG = LoggerFactory.getLogger(JaasCredentialVerifier.class);

    /** Opens a login into a realm: {@code LoginContext::new}, or a test's own configuration. */
    @FunctionalInterface
    interface LoginContextFactory {
        LoginContext create(String realm, Subject subject, CallbackHandler handler)
            throws LoginException;
    }

    /** What one login module's user store says about a user. */
    private enum Answer { KNOWN, NOT_KNOWN, CANNOT_TELL }

    private final String realm;
    private final LoginContextFactory logins;
    private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();
    private final List<BackingEngineFactory> engineFactories = new CopyOnWriteArrayList<>();
    // Karaf 4.4 registers the engine factories, not a BackingEngineService; this one does the
    // matching of a login module to its factory exactly as Karaf's jaas:* commands do.
    private final BackingEngineService engines = new BackingEngineService();
    private final AtomicBoolean cannotTellLogged = new AtomicBoolean();

    @Activate
    public JaasCredentialVerifier(JaasVerifierConfig config) {
        this(config.realm(), LoginContext::new);
        LOG.debug("JAAS password check activated on realm {}", realm);
    }

    JaasCredentialVerifier(String realm, LoginContextFactory logins) {
        this.realm = realm;
        this.logins = logins;
        engines.setEngineFactories(engineFactories);
    }

    @Reference(
        service = JaasRealm.class,
        cardinality = ReferenceCardinality.MULTIPLE,
        policy = ReferencePolicy.DYNAMIC,
        unbind = "unbindRealm")
    void bindRealm(JaasRealm jaasRealm) {
        realms.add(jaasRealm);
    }

    void unbindRealm(JaasRealm jaasRealm) {
        // By identity: a realm implementation need not define equals.
        realms.removeIf(bound -> bound == jaasRealm);
    }

    @Reference(
        service = BackingEngineFactory.class,
        cardinality = ReferenceCardinality.MULTIPLE,
        policy = ReferencePolicy.DYNAMIC,
        unbind = "unbindEngineFactory")
    void bindEngineFactory(BackingEngineFactory factory) {
        engineFactories.add(factory);
    }

    void unbindEngineFactory(BackingEngineFactory factory) {
        engineFactories.removeIf(bound -> bound == factory);
    }

    @Override
    public Set<String> verify(String username, char[] password) {
        if (password == null || password.length == 0) {
            // Some directories take an empty password for an anonymous bind, which succeeds.
            throw new BadCredentialsException(WRONG_CREDENTIALS);
        }
        Subject subject = new Subject();

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads the realm's login module (Karaf's ProxyLoginModule) through the
        // context class loader, and a caller's thread may carry any loader. This bundle's loader
        // reaches org.apache.karaf.jaas.boot through Karaf's boot delegation.
        thread.setContextClassLoader(JaasCredentialVerifier.class.getClassLoader());
        try {
            LoginContext login = logIn(username, password, subject);
            Set<String> roles = roleNames(subject);
            logOut(login, username);
            return roles;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private LoginContext logIn(String username, char[] password, Subject subject) {
        NameAndPassword handler = new NameAndPassword(username, password);
        LoginContext login;
        try {
            login = logins.create(realm, subject, handler);
        } catch (LoginException e) {
            // Only a realm that is not configured fails here, before any password is asked for.
            LOG.error("Cannot check passwords: JAAS realm {} is not available", realm, e);
            throw new BadCredentialsException(WRONG_CREDENTIALS);
        }
        try {
            login.login();
            return login;
        } catch (LoginException e) {
            // The module's message may say which check failed; the client must not learn that.
            LOG.debug("JAAS realm {} refused user {} ({})", realm, username,
                e.getClass().getSimpleName());
            throw new BadCredentialsException(WRONG_CREDENTIALS);
        } finally {
            handler.clearPasswords();
        }
    }

    private static Set<String> roleNames(Subject subject) {
        Set<String> roles = new TreeSet<>();
        for (RolePrincipal role : subject.getPrincipals(RolePrincipal.class)) {
            roles.add(role.getName());
        }
        return Collections.unmodifiableSet(roles);
    }

    private void logOut(LoginContext login, String username) {
        try {
            login.logout();
        } catch (LoginException e) {
            // The roles are read and the subject is dropped, so the check itself stands.
            LOG.warn("JAAS realm {} could not log user {} out again", realm, username, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A user is gone only when every login module of the realm has a user store and none of
     * them knows the user: a false answer revokes the user's grants, so doubt means true.
     */
    @Override
    public boolean exists(String username) {
        List<AppConfigurationEntry> modules = loginModules();

        boolean everyModuleAnswered = !modules.isEmpty();
        for (AppConfigurationEntry module : modules) {
            Answer answer = ask(module, username);
            if (answer == Answer.KNOWN) {
                return true;
            }
            everyModuleAnswered &= answer == Answer.NOT_KNOWN;
        }

        if (!everyModuleAnswered && cannotTellLogged.compareAndSet(false, true)) {
            LOG.debug("JAAS realm {} is missing or has a login module without a user store;"
                + " users count as existing until a login fails", realm);
        }
        return !everyModuleAnswered;
    }

    /** @return the modules a login runs: those of the highest-ranked realm of the name */
    private List<AppConfigurationEntry> loginModules() {
        // Karaf's JAAS configuration picks the realm the same way, so this asks the user stores
        // that logins actually use, not those of a realm it shadows.
        JaasRealm chosen = null;
        for (JaasRealm candidate : realms) {
            if (realm.equals(candidate.getName())
                && (chosen == null || candidate.getRank() > chosen.getRank())) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            return List.of();
        }

        List<AppConfigurationEntry> modules = new ArrayList<>();
        for (AppConfigurationEntry entry : chosen.getEntries()) {
            if (!moduleClass(entry).startsWith(AUDIT_MODULES)) {
                modules.add(entry);
            }
        }
        return modules;
    }

    private Answer ask(AppConfigurationEntry module, String username) {
        try {
            BackingEngine engine = engines.get(module);
            if (engine == null) {
                return Answer.CANNOT_TELL;
            }
            return engine.lookupUser(username) != null ? Answer.KNOWN : Answer.NOT_KNOWN;
        } catch (RuntimeException e) {
            LOG.error("Could not ask the user store of {} in JAAS realm {} about user {}",
                moduleClass(module), realm, username, e);
            return Answer.CANNOT_TELL;
        }
    }

    /** @return the class of the real module, which Karaf's realms wrap in a ProxyLoginModule */
    private static String moduleClass(AppConfigurationEntry entry) {
        Object proxied = entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE);
        return proxied instanceof String name ? name : entry.getLoginModuleName();
    }

    /** Answers a login module's questions and remembers where the password went, to clear it. */
    private static final class NameAndPassword implements CallbackHandler {

        private final String username;
        private final char[] password;
        private final List<PasswordCallback> answered = new ArrayList<>();

        NameAndPassword(String username, char[] password) {
            this.username = username;
            this.password = password;
        }

        @Override
        public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName(username);
                } else if (callback instanceof PasswordCallback secret) {
                    // setPassword keeps a copy, which clearPasswords wipes; the caller's array
                    // stays the caller's to wipe.
                    secret.setPassword(password);
                    answered.add(secret);
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        }

        void clearPasswords() {
            answered.forEach(PasswordCallback::clearPassword);
        }
    }
}
