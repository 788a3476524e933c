package io.gatepass.shell.internal;

import java.io.IOException;

import io.gatepass.api.GatepassException;

import org.apache.karaf.shell.api.console.Session;

/** What the commands ask at the terminal: secrets, typed without echo, and confirmations. */
final class TerminalInput {

    private TerminalInput() {
    }

    /**
     * Reads a secret with masked echo. A headless session (a script, {@code bin/client} with a
     * command, another bundle) cannot ask, and is refused with the given sentence.
     * <p>
     * Karaf hands the line over as a String, which cannot be wiped: callers copy a password into
     * a char[] at once and keep no reference to the String.
     *
     * @return what was typed, untrimmed (a password may end in a space); empty at end of input
     */
    static String readSecret(Session session, String prompt, String whenHeadless)
            throws IOException {
        try {
            String typed = session.readLine(prompt, '*');
            return typed == null ? "" : typed;
        } catch (UnsupportedOperationException headless) {
            throw new GatepassException(whenHeadless);
        }
    }

    /** @return whether the answer was yes; a headless session cannot answer, which is a no */
    static boolean confirmed(Session session, String question) throws IOException {
        try {
            String answer = session.readLine(question, null);
            return answer != null && answer.trim().equalsIgnoreCase("yes");
        } catch (UnsupportedOperationException headless) {
            return false;
        }
    }
}
