package io.gatepass.tokens.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.gatepass.api.InvalidInputException;
import io.gatepass.api.TokenRefusedException;
import io.gatepass.api.TokenRefusedException.Refusal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing, in memory only. Wrong passwords are counted per user and source,
 * and per source for all users. Past the free failures, each further one locks the pair (or the
 * source) out for 1 s, 2 s, 4 s and so on up to {@link ThrottleSettings#maxLockout()}; a lockout
 * always ends. A counter starts again from nothing once {@link ThrottleSettings#forgetAfter()}
 * has passed since its last failure.
 *
 * <p>There is no counter per user alone: wrong passwords for a user from one source lock that
 * user out from that source only, so a flood cannot lock a user out everywhere.
 *
 * <p>Callers ask {@link #checkAllowed} before checking a password; attempts it refuses are not
 * counted. Sources are taken as given: a caller serving IPv6 clients should pass the /64 prefix,
 * or one client can present itself as countless sources.
 *
 * <p>Thread-safe: every counter changes atomically inside its map.
 */
final class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private static final Duration FIRST_LOCKOUT = Duration.ofSeconds(1);

    /** How much of a user name or source a counter is keyed by. */
    private static final int KEY_CHARS = 256;

    private static final Pattern SHELL_WORD = Pattern.compile("[\\p{L}\\p{N}._@+-]+");

    private final Clock clock;
    private final ThrottleSettings settings;
    private final ConcurrentHashMap<PairKey, Failures> pairs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Failures> sources = new ConcurrentHashMap<>();
    private final Object eviction = new Object();

    LoginThrottle(Clock clock, ThrottleSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @throws TokenRefusedException {@code LOCKED_OUT} if the user is locked out from this source,
     *     or the source is locked out; the message says until when
     */
    void checkAllowed(String username, String source) {
        Instant now = clock.instant();
        PairKey key = pairKey(username, source);

        Instant userUntil = lockedUntil(pairs.get(key), now);
        Instant sourceUntil = lockedUntil(sources.get(key.source()), now);

        if (sourceUntil != null && (userUntil == null || sourceUntil.isAfter(userUntil))) {
            // Unlocking the user would not help, so this message does not suggest it.
            throw new TokenRefusedException(Refusal.LOCKED_OUT, "Too many wrong passwords from "
                + key.source() + "; try again after " + retryTime(sourceUntil) + ".", sourceUntil);
        }
        if (userUntil != null) {
            throw new TokenRefusedException(Refusal.LOCKED_OUT, "Too many wrong passwords for user "
                + InvalidInputException.quote(username) + " from " + key.source()
                + "; try again after " + retryTime(userUntil)
                + ", or ask an administrator to run token:unlock " + shellWord(key.username())
                + ".", userUntil);
        }
    }

    /** @return the lockouts this failure started or extended, {@link Lockout#locked()} if any */
    Lockout recordFailure(String username, String source) {
        Instant now = clock.instant();
        PairKey key = pairKey(username, source);

        Failures pair = count(pairs, key, now, settings.freeFailures());
        Failures fromSource = count(sources, key.source(), now, settings.sourceFreeFailures());

        return new Lockout(pair.lockedUntil(), fromSource.lockedUntil());
    }

    /**
     * Clears the counter of this user from this source. The source counter stays: an account
     * the guesser owns must not buy it fresh guesses against every other account from there.
     */
    void recordSuccess(String username, String source) {
        pairs.remove(pairKey(username, source));
    }

    /**
     * Forgets every counter of the user, from every source. Source lockouts stay.
     *
     * @return whether the user was locked out from any source
     */
    boolean unlock(String username) {
        Instant now = clock.instant();
        String name = keyPart(Objects.requireNonNull(username, "username"));

        boolean wasLocked = false;
        for (PairKey key : pairs.keySet()) {
            if (key.username().equals(name)) {
                Failures removed = pairs.remove(key);
                wasLocked |= removed != null && removed.lockedAt(now);
            }
        }
        return wasLocked;
    }

    /** @return the (user, source) pairs locked out now, by user name and source */
    List<LockedUser> lockedUsers() {
        Instant now = clock.instant();
        return pairs.entrySet().stream()
            .filter(entry -> entry.getValue().lockedAt(now))
            .map(entry -> new LockedUser(entry.getKey().username(), entry.getKey().source(),
                entry.getValue().lockedUntil(), entry.getValue().count()))
            .sorted(Comparator.comparing(LockedUser::username).thenComparing(LockedUser::source))
            .toList();
    }

    int trackedPairs() {
        return pairs.size();
    }

    int trackedSources() {
        return sources.size();
    }

    private <K> Failures count(ConcurrentHashMap<K, Failures> table, K key, Instant now, int free) {
        if (!table.containsKey(key)) {
            makeRoom(table, now);
        }
        return table.compute(key, (k, old) -> next(old, now, free));
    }

    private Failures next(Failures old, Instant now, int free) {
        int count = old == null || old.forgottenAt(now, settings.forgetAfter())
            ? 1
            : Math.min(old.count(), Integer.MAX_VALUE - 1) + 1;
        if (count <= free) {
            return new Failures(count, now, null);
        }
        Instant until = now.plus(lockout(count - free));
        if (old != null && old.lockedUntil() != null && old.lockedUntil().isAfter(until)) {
            until = old.lockedUntil();
        }
        return new Failures(count, now, until);
    }

    /** @return 1 s for the first failure past the free ones, doubling, at most the cap */
    private Duration lockout(int beyondFree) {
        Duration cap = settings.maxLockout();
        int doublings = beyondFree - 1;
        if (doublings >= 40) {
            return cap;
        }
        Duration lockout = FIRST_LOCKOUT.multipliedBy(1L << doublings);
        return lockout.compareTo(cap) > 0 ? cap : lockout;
    }

    /**
     * Makes room for one more counter when the table is full: forgotten counters go first, then
     * those whose last failure is oldest, down to 90% of the limit so that this runs rarely.
     *
     * <p>Why dropping counters is safe: it only ever makes the throttle more lenient for the
     * dropped keys, and never locks anyone out. Those dropped are the stalest; a locked counter
     * had a failure within the last {@code maxLockout}, so it is among the last to go. To fill
     * the table, a guesser must also get past its own source counter, which is checked before
     * every attempt and locks it after {@code sourceFreeFailures}, then lets one attempt through
     * per lockout: one source adds a few dozen pairs in its first hour, then four an hour.
     * Filling 100,000 pairs takes thousands of sources, and a guesser with that many already
     * has fresh free failures at each of them; resetting counters buys it nothing more.
     * Source counters live in a table of their own, which no flood of user names can touch.
     */
    private <K> void makeRoom(ConcurrentHashMap<K, Failures> table, Instant now) {
        int limit = settings.maxTrackedKeys();
        if (table.size() < limit) {
            return;
        }
        synchronized (eviction) {
            if (table.size() < limit) {
                return;
            }
            Duration forgetAfter = settings.forgetAfter();
            table.values().removeIf(failures -> failures.forgottenAt(now, forgetAfter));

            int excess = table.size() - (limit - limit / 10);
            if (excess <= 0) {
                return;
            }
            Comparator<Map.Entry<K, Failures>> byLastFailure =
                Comparator.comparing(entry -> entry.getValue().last());
            List<Map.Entry<K, Failures>> stalest = table.entrySet().stream()
                .sorted(byLastFailure)
                .limit(excess)
                .toList();
            stalest.forEach(entry -> table.remove(entry.getKey(), entry.getValue()));
            LOG.warn("Password throttle holds {} counters, its limit: forgot the {} stalest",
                limit, excess);
        }
    }

    private static Instant lockedUntil(Failures failures, Instant now) {
        return failures != null && failures.lockedAt(now) ? failures.lockedUntil() : null;
    }

    private static PairKey pairKey(String username, String source) {
        return new PairKey(keyPart(Objects.requireNonNull(username, "username")),
            keyPart(Objects.requireNonNull(source, "source")));
    }

    private static String keyPart(String value) {
        // Megabyte names must not turn a bounded number of counters into gigabytes. Names that
        // share their first characters share a counter, which only throttles them together.
        return value.length() <= KEY_CHARS ? value : value.substring(0, KEY_CHARS);
    }

    /** @return the end of a lockout rounded up to the second, so that "after" it holds */
    private static Instant retryTime(Instant until) {
        Instant second = until.truncatedTo(ChronoUnit.SECONDS);
        return second.equals(until) ? second : second.plusSeconds(1);
    }

    /** @return the name as one word of the Karaf shell: bare when plain, else double-quoted */
    private static String shellWord(String name) {
        if (SHELL_WORD.matcher(name).matches()) {
            return name;
        }
        StringBuilder word = new StringBuilder("\"");
        name.codePoints().forEach(c -> {
            if (c == '"' || c == '\\' || c == '$') {
                word.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c)) {
                word.append(String.format("\\u%04x", c));
            } else {
                word.appendCodePoint(c);
            }
        });
        return word.append('"').toString();
    }

    /**
     * What one wrong password did.
     *
     * @param userLockedUntil when the (user, source) lockout it started or extended ends; null if
     *     it locked no pair out
     * @param sourceLockedUntil when the source lockout it started or extended ends; null if it
     *     locked no source out
     */
    record Lockout(Instant userLockedUntil, Instant sourceLockedUntil) {

        /** @return whether this failure started or extended a lockout */
        boolean locked() {
            return userLockedUntil != null || sourceLockedUntil != null;
        }

        /** @return when the later of its lockouts ends, or null if it locked nothing out */
        Instant until() {
            if (userLockedUntil == null) {
                return sourceLockedUntil;
            }
            if (sourceLockedUntil == null) {
                return userLockedUntil;
            }
            return sourceLockedUntil.isAfter(userLockedUntil) ? sourceLockedUntil : userLockedUntil;
        }
    }

    /** A user locked out from a source, for display. */
    record LockedUser(String username, String source, Instant until, int failures) {
    }

    private record PairKey(String username, String source) {
    }

    /**
     * Wrong passwords since the counter was last forgotten, the time of the last one, and the end
     * of the lockout the last one set (null if it set none). As forgetAfter is at least
     * maxLockout, a counter's lockout has always ended by the time it is forgotten.
     */
    private record Failures(int count, Instant last, Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        boolean forgottenAt(Instant now, Duration forgetAfter) {
            return !now.isBefore(last.plus(forgetAfter));
        }
    }
}
