package io.gatepass.api;

import java.util.Collection;

/** No client app has the given id (or it was deleted). */
public class UnknownClientAppException extends GatepassException {

    private static final long serialVersionUID = 1L;

    private final String appId;

    /**
     * @param appId the id that was asked for
     * @param knownIds the ids of the apps that do exist, listed in the message as a hint
     */
    public UnknownClientAppException(String appId, Collection<String> knownIds) {
        super("No client app named " + InvalidInputException.quote(appId) + ". "
            + (knownIds.isEmpty()
                ? "No apps are registered yet."
                : "Known apps: " + String.join(", ", knownIds) + "."));
        this.appId = appId;
    }

    /** @return the id that was asked for */
    public String appId() {
        return appId;
    }
}
