package io.gatepass.shell.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.gatepass.api.DurationText;
import io.gatepass.api.InvalidInputException;

/** How the commands print times and lifetimes, the same in every table. */
final class ShellText {

    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private ShellText() {
    }

    static String time(Instant instant) {
        return instant == null ? "never" : TIME.format(instant);
    }

    static String lifetime(Duration override) {
        if (override == null) {
            return "default";
        }
        return override.isZero() ? "never expires" : DurationText.format(override);
    }

    /**
     * Karaf reads options only before the arguments; words after the id would otherwise end in
     * a bare "too many arguments". Say what to do instead.
     */
    static void rejectWordsAfterId(String command, String id, List<String> rest) {
        rejectWordsAfter("the id", command, id, rest);
    }

    /**
     * The same for any last argument, named by {@code what} (e.g. "the grant id or token").
     * Repeats the words and the arguments: mask any secret among them before calling.
     */
    static void rejectWordsAfter(String what, String command, String arguments, List<String> rest) {
        if (rest != null && !rest.isEmpty()) {
            String words = String.join(" ", rest);
            throw new InvalidInputException("options", "Unexpected "
                + InvalidInputException.quote(words) + " after " + what + ": in Karaf, options go"
                + " before the arguments, e.g. " + command + " " + words + " " + arguments + ".");
        }
    }

    /**
     * Reads an optional lifetime option: absent, {@code default} (back to the global default),
     * or a duration.
     */
    static Duration lifetimeOption(String field, String text) {
        return "default".equalsIgnoreCase(text.trim()) ? null : DurationText.parse(field, text);
    }
}
