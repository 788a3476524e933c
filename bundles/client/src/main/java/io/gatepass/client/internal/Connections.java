package io.gatepass.client.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.gatepass.api.InvalidInputException;
import io.gatepass.client.ManagedToken;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The commands' view of the connections this bundle has registered. */
final class Connections {

    private Connections() {
    }

    /** @return this bundle's connections, by name */
    static List<ManagedConnection> all(BundleContext context) {
        Collection<ServiceReference<ManagedToken>> references;
        try {
            references = context.getServiceReferences(ManagedToken.class, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("No filter was given", e);
        }
        List<ManagedConnection> found = new ArrayList<>();
        for (ServiceReference<ManagedToken> reference : references) {
            ManagedToken token = context.getService(reference);
            // Our own registrations hold the object itself; the command only reads or drives it.
            if (token instanceof ManagedConnection connection) {
                found.add(connection);
            }
            if (token != null) {
                context.ungetService(reference);
            }
        }
        found.sort(Comparator.comparing(ManagedConnection::connection));
        return found;
    }

    /** @throws InvalidInputException naming the connections there are, if none has the name */
    static ManagedConnection named(BundleContext context, String name) {
        List<ManagedConnection> all = all(context);
        return all.stream().filter(c -> c.connection().equals(name)).findFirst().orElseThrow(() ->
            new InvalidInputException("connection", "No connection is named " + InvalidInputException.quote(name)
                + (all.isEmpty() ? "; there is none yet" : "; there are: "
                    + all.stream().map(ManagedConnection::connection).collect(Collectors.joining(", ")))
                + ". Create one with a configuration io.gatepass.client.connection (README: Connect an app)."));
    }
}
