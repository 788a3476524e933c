package io.gatepass.client.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.gatepass.client.ConnectionStatus;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.BundleContext;

@Command(scope = "gatepass-client", name = "list",
    description = "Lists this Karaf's connections to Gatepass servers: state, token expiry, next refresh and,"
        + " when something is wrong, why.")
@Service
public class ListConnectionsCommand implements Action {

    @Reference
    BundleContext context;

    @Override
    public Object execute() {
        List<ManagedConnection> connections = Connections.all(context);
        if (connections.isEmpty()) {
            System.out.println("No connections. Create one with a configuration io.gatepass.client.connection"
                + " (README: Connect an app).");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Connection");
        table.column("Server");
        table.column("App");
        table.column("State");
        table.column("Access token until");
        table.column("Last refresh");
        table.column("Next refresh");
        table.column("Problem").maxSize(100).wrap();
        for (ManagedConnection connection : connections) {
            ConnectionStatus status = connection.status();
            table.addRow().addContent(status.connection(), status.serverUrl(), status.appId(), status.state().label(),
                time(status.accessTokenExpiresAt()), time(status.lastRefresh()), time(status.nextRefresh()),
                status.problem() == null ? "" : status.problem());
        }
        table.print(System.out);
        return null;
    }

    /** @return the instant to the second, as people read it in a table or a sentence; "-" for none */
    static String time(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
