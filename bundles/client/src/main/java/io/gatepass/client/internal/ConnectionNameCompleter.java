package io.gatepass.client.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.osgi.framework.BundleContext;

/** Completes the names of the configured connections. */
@Service
public class ConnectionNameCompleter implements Completer {

    @Reference
    BundleContext context;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        Connections.all(context).forEach(connection -> names.getStrings().add(connection.connection()));
        return names.complete(session, commandLine, candidates);
    }
}
