package io.gatepass.shell.internal;

import java.util.List;

import io.gatepass.api.DurationText;
import io.gatepass.api.Grant;
import io.gatepass.api.GrantQuery;
import io.gatepass.api.TokenService;
import io.gatepass.shell.completers.ClientAppIdCompleter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "token", name = "list",
    description = "Lists token grants, newest first: live ones, or all with --all.")
@Service
public class ListGrantsCommand implements Action {

    @Option(name = "--app", description = "Only grants of this client app")
    @Completion(ClientAppIdCompleter.class)
    String app;

    @Option(name = "--user", description = "Only grants acting as this user")
    String user;

    @Option(name = "--expiring",
        description = "Only live grants whose refresh token expires within this time, e.g. 7d")
    String expiring;

    @Option(name = "--all", description = "Include ended grants: expired and revoked")
    boolean all;

    @Option(name = "--no-format",
        description = "Plain output for scripts: no borders, tab-separated")
    boolean noFormat;

    @Reference(optional = true)
    TokenService tokens;

    @Override
    public Object execute() {
        GrantQuery query = GrantQuery.live().app(app).user(user);
        if (expiring != null) {
            query = query.expiringWithin(DurationText.parse("expiring", expiring));
        }
        if (all) {
            query = query.includingEnded();
        }

        List<Grant> grants = TokenText.require(tokens).grants(query);

        ShellTable table = new ShellTable().emptyTableText("No grants match.");
        for (String column : new String[] {"Grant", "App", "User", "Roles", "Created", "Last used",
            "Access expires", "Refresh expires", "Status"}) {
            table.column(column);
        }
        for (Grant grant : grants) {
            table.addRow().addContent(grant.grantId(), grant.appId(), grant.username(),
                TokenText.roles(grant.roles()), ShellText.time(grant.created()),
                ShellText.time(grant.lastUsed()), ShellText.time(grant.accessTokenExpiresAt()),
                ShellText.time(grant.refreshTokenExpiresAt()), TokenText.status(grant.status()));
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
