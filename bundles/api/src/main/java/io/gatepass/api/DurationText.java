package io.gatepass.api;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as administrators type them: a whole number and a unit, {@code 90s}, {@code 15m},
 * {@code 1h}, {@code 30d}.
 */
public final class DurationText {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})\\s*([smhd])");

    private DurationText() {
    }

    /**
     * @param field the field name for the error message, e.g. {@code access-ttl}
     * @param text the text, e.g. {@code 1h}; {@code 0} alone means zero
     * @return the duration
     * @throws InvalidInputException naming the field if the text is not of that form
     */
    public static Duration parse(String field, String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = FORMAT.matcher(trimmed);
        if (!matcher.matches()) {
            throw InvalidInputException.of(field, text,
                "use a whole number and a unit: s, m, h or d, e.g. 90s, 15m, 1h, 30d");
        }
        long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2)) {
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            default:
                return Duration.ofDays(amount);
        }
    }

    /**
     * @param duration a duration
     * @return the shortest exact form in the largest unit, e.g. {@code 30d}, {@code 90m}, {@code 0}
     */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds == 0) {
            return "0";
        }
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
