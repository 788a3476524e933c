package io.gatepass.shell.completers;

import java.util.List;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppRegistry;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids of registered client apps. */
@Service
public class ClientAppIdCompleter implements Completer {

    @Reference
    private ClientAppRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        registry.list().stream().map(ClientApp::id).forEach(ids.getStrings()::add);
        return ids.complete(session, commandLine, candidates);
    }
}
