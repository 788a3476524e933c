package io.gatepass.shell.internal;

import io.gatepass.api.ClientApp;
import io.gatepass.api.ClientAppRegistry;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "app", name = "list", description = "Lists the registered client apps.")
@Service
public class ListAppsCommand implements Action {

    @Option(name = "--no-format", description = "Plain output for scripts: no borders, tab-separated")
    boolean noFormat;

    @Reference
    ClientAppRegistry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable()
            .emptyTableText("No client apps registered. Add one with app:register <id>.");
        table.column("Id");
        table.column("Name");
        table.column("Type");
        table.column("Enabled");
        table.column("Created");
        table.column("Last used");

        for (ClientApp app : registry.list()) {
            table.addRow().addContent(app.id(), app.name(), app.type().label(),
                app.enabled() ? "yes" : "no", ShellText.time(app.created()), ShellText.time(app.lastUsed()));
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
