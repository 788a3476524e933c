package io.gatepass.shell.internal;

import io.gatepass.api.AuditEntry;
import io.gatepass.api.InvalidInputException;
import io.gatepass.api.TokenService;
import io.gatepass.shell.completers.ClientAppIdCompleter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "token", name = "audit",
    description = "Shows the newest entries of the token audit trail: issued, refreshed, revoked,"
        + " failed logins, lockouts.")
@Service
public class ShowAuditCommand implements Action {

    private static final int MAX_LIMIT = 10_000;

    @Option(name = "--app", description = "Only entries of this client app")
    @Completion(ClientAppIdCompleter.class)
    String app;

    @Option(name = "--user", description = "Only entries of this user")
    String user;

    @Option(name = "--limit", description = "At most this many entries, 1 to 10000 (default 50)")
    String limit;

    @Option(name = "--no-format",
        description = "Plain output for scripts: no borders, tab-separated")
    boolean noFormat;

    @Reference(optional = true)
    TokenService tokens;

    @Override
    public Object execute() {
        int max = limit == null ? 50 : parseLimit(limit);

        ShellTable table = new ShellTable().emptyTableText("No audit entries match.");
        for (String column
            : new String[] {"Time", "Event", "App", "User", "Grant", "Source", "Detail"}) {
            table.column(column);
        }
        for (AuditEntry entry : TokenText.require(tokens).audit(app, user, max)) {
            table.addRow().addContent(ShellText.time(entry.time()), entry.event(),
                orEmpty(entry.appId()), orEmpty(entry.username()), orEmpty(entry.grantId()),
                orEmpty(entry.source()), orEmpty(entry.detail()));
        }
        table.print(System.out, !noFormat);
        return null;
    }

    static int parseLimit(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // Answered below, with the rule.
        }
        throw InvalidInputException.of("limit", text, "use a number from 1 to 10000");
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
