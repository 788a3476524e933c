package io.gatepass.registry.internal;

import java.time.Duration;
import java.util.regex.Pattern;

import io.gatepass.api.DurationText;
import io.gatepass.api.InvalidInputException;

/**
 * The rules every client app field obeys, whoever the caller. Each check answers the cleaned
 * value or throws an {@link InvalidInputException} that names the field and what is allowed.
 */
final class ClientAppRules {

    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 2000;
    static final Duration ACCESS_TTL_MIN = Duration.ofSeconds(5);
    static final Duration ACCESS_TTL_MAX = Duration.ofDays(1);
    static final Duration REFRESH_TTL_MIN = Duration.ofMinutes(1);
    static final Duration REFRESH_TTL_MAX = Duration.ofDays(3650);
    static final Duration SECRET_GRACE_MAX = Duration.ofDays(30);

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private ClientAppRules() {
    }

    static String id(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw InvalidInputException.of("id", id,
                "use 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit");
        }
        return id;
    }

    static String name(String name) {
        String trimmed = name == null ? "" : name.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < 1 || length > NAME_MAX) {
            throw InvalidInputException.of("name", name,
                "use 1 to " + NAME_MAX + " characters (it has " + length + " after trimming)");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of("name", name,
                "use one line of text without control characters such as line breaks or tabs");
        }
        return trimmed;
    }

    static String description(String description) {
        String trimmed = description == null ? "" : description.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > DESCRIPTION_MAX) {
            throw InvalidInputException.of("description", description,
                "use at most " + DESCRIPTION_MAX + " characters (it has " + length + ")");
        }
        boolean badControl = trimmed.codePoints()
            .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
        if (badControl) {
            throw InvalidInputException.of("description", description,
                "use text without control characters other than line breaks and tabs");
        }
        return trimmed;
    }

    /** @param lifetime null means "use the global default" and is always allowed */
    static Duration accessTokenLifetime(Duration lifetime) {
        if (lifetime != null
            && (lifetime.compareTo(ACCESS_TTL_MIN) < 0 || lifetime.compareTo(ACCESS_TTL_MAX) > 0)) {
            throw InvalidInputException.of("access-ttl", DurationText.format(lifetime),
                "use a duration from 5s to 24h, e.g. 15m or 1h");
        }
        return lifetime;
    }

    /** @param lifetime null means the global default; zero means refresh tokens never expire */
    static Duration refreshTokenLifetime(Duration lifetime) {
        if (lifetime != null && !lifetime.isZero()
            && (lifetime.compareTo(REFRESH_TTL_MIN) < 0 || lifetime.compareTo(REFRESH_TTL_MAX) > 0)) {
            throw InvalidInputException.of("refresh-ttl", DurationText.format(lifetime),
                "use 0 (never expires) or a duration from 1m to 3650d, e.g. 30d");
        }
        return lifetime;
    }

    /** Both overrides together: a refresh token must outlive the access tokens it renews. */
    static void lifetimesAgree(Duration access, Duration refresh) {
        if (access != null && refresh != null && !refresh.isZero() && refresh.compareTo(access) < 0) {
            throw InvalidInputException.of("refresh-ttl", DurationText.format(refresh),
                "it must not be shorter than the access-ttl of " + DurationText.format(access));
        }
    }

    static Duration secretGrace(Duration grace) {
        if (grace == null || grace.isNegative() || grace.compareTo(SECRET_GRACE_MAX) > 0) {
            throw InvalidInputException.of("keep-old",
                grace == null ? null : DurationText.format(grace),
                "use 0 (the old secret stops at once) or a duration up to 30d, e.g. 24h");
        }
        return grace;
    }
}
