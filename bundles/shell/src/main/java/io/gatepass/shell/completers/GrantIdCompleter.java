package io.gatepass.shell.completers;

import java.util.List;

import io.gatepass.api.Grant;
import io.gatepass.api.GrantQuery;
import io.gatepass.api.TokenService;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids of live grants; nothing while the token service is not running. */
@Service
public class GrantIdCompleter implements Completer {

    @Reference(optional = true)
    private TokenService tokens;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        if (tokens != null) {
            tokens.grants(GrantQuery.live()).stream()
                .map(Grant::grantId)
                .forEach(ids.getStrings()::add);
        }
        return ids.complete(session, commandLine, candidates);
    }
}
