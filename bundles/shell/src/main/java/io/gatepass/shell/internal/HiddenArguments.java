package io.gatepass.shell.internal;

/**
 * Karaf names the thread of a command after its whole command line ({@code pipe-token:generate
 * --password ...}), and every log line written in that thread carries the name. Commands whose
 * arguments may be a password or a token run under a name without them.
 */
final class HiddenArguments {

    /** The body of a command. */
    interface Body {
        Object run() throws Exception;
    }

    private HiddenArguments() {
    }

    static Object run(String command, Body body) throws Exception {
        Thread thread = Thread.currentThread();
        String name = thread.getName();
        thread.setName("pipe-" + command + " (arguments hidden)");
        try {
            return body.run();
        } finally {
            thread.setName(name);
        }
    }
}
