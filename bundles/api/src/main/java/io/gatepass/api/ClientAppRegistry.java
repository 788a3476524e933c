package io.gatepass.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The client apps that may talk to this server. Every rule on ids, names, descriptions and
 * lifetimes is enforced here, whoever calls. Every method that changes an app returns only once
 * the change is durable.
 */
@ProviderType
public interface ClientAppRegistry {

    /**
     * Registers an app.
     *
     * @return the app and, for a confidential app, its client secret (shown this once)
     * @throws InvalidInputException if a field breaks a rule; the message names it
     * @throws ClientAppConflictException if the id is taken, or belonged to a deleted app and
     *     {@link NewClientApp#reuseDeletedId()} is false
     * @throws StoreException if the app could not be stored; it is then not registered
     */
    ClientAppRegistration register(NewClientApp request);

    /** @return the app with this id, empty if there is none or it was deleted */
    Optional<ClientApp> find(String id);

    /**
     * Whether tokens of this app are accepted now. On the hot path of token validation: a map
     * lookup, no allocation, no lock.
     *
     * @return true if the app exists, is not deleted, and is enabled
     */
    boolean isEnabled(String id);

    /**
     * @return the app with this id
     * @throws UnknownClientAppException if there is none; the message lists the known ids
     */
    ClientApp get(String id);

    /** @return every app that is not deleted, ordered by id */
    List<ClientApp> list();

    /**
     * Changes name, description or lifetimes.
     *
     * @return the app as stored afterwards
     * @throws UnknownClientAppException if there is no such app
     * @throws InvalidInputException if a new value breaks a rule
     */
    ClientApp update(String id, ClientAppUpdate update);

    /**
     * Lets the app's tokens be accepted and new ones generated. Enabling an enabled app is a
     * no-op.
     *
     * @return the app as stored afterwards
     * @throws UnknownClientAppException if there is no such app
     */
    ClientApp enable(String id);

    /**
     * Makes every token of the app fail validation until it is enabled again.
     *
     * @return the app as stored afterwards
     * @throws UnknownClientAppException if there is no such app
     */
    ClientApp disable(String id);

    /**
     * Deletes the app. Its id stays reserved: registering it again must be asked for explicitly.
     *
     * @return the app as it was before deletion
     * @throws UnknownClientAppException if there is no such app
     */
    ClientApp delete(String id);

    /**
     * Gives a confidential app a new client secret.
     *
     * @param keepPrevious how long the previous secret stays valid; {@link Duration#ZERO} ends
     *     it at once
     * @return the new secret (shown this once) and the end of the grace period
     * @throws UnknownClientAppException if there is no such app
     * @throws InvalidInputException if the app is public, or the grace period is negative or
     *     longer than 30 days
     */
    SecretRotation rotateSecret(String id, Duration keepPrevious);

    /**
     * Checks a client secret in constant time. Does not check whether the app is enabled.
     *
     * @param secret the presented secret; not kept, not wiped
     * @return true if it is the app's current secret, or its previous one within the grace period
     */
    boolean authenticate(String id, char[] secret);

    /**
     * Notes that the app was used now. Cheap: the time is written to the store in batches.
     *
     * @param id an app id; unknown ids are ignored
     */
    void recordUse(String id);
}
