package io.gatepass.client.internal;

import io.gatepass.api.GatepassException;
import io.gatepass.client.ConnectionState;
import io.gatepass.client.ConnectionStatus;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;

@Command(scope = "gatepass-client", name = "refresh",
    description = "Refreshes a connection's tokens now instead of on schedule, e.g. to check that the server"
        + " still accepts them.")
@Service
public class RefreshConnectionCommand implements Action {

    @Argument(index = 0, name = "connection", required = true, description = "The connection's name")
    @Completion(ConnectionNameCompleter.class)
    String name;

    @Reference
    BundleContext context;

    @Override
    public Object execute() {
        ConnectionStatus status = Connections.named(context, name).refreshNowAndReport();
        if (status.state() != ConnectionState.READY) {
            throw new GatepassException("Connection '" + name + "' did not refresh: " + status.problem());
        }
        System.out.println("Connection '" + name + "' refreshed; access token valid until "
            + ListConnectionsCommand.time(status.accessTokenExpiresAt()) + ", next refresh at "
            + ListConnectionsCommand.time(status.nextRefresh()) + ".");
        return null;
    }
}
