package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gatepass installs into a stock Karaf 4.4 with the two lines the README gives, from the local
 * Maven repository that the build installed it into.
 */
class StockKarafInstallIT {

    private KarafProcess karaf;

    @BeforeEach
    void unpack() throws Exception {
        karaf = KarafProcess.unpack(Path.of(System.getProperty("stock.karaf")),
            Path.of("target/e2e/stock-" + System.nanoTime()));
        // Stock Karaf ships no user; give it the administrator the commands log in as.
        Files.writeString(karaf.home().resolve("etc/users.properties"),
            "\nkaraf = karaf,_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembootstrap,ssh\n",
            StandardOpenOption.APPEND);
    }

    @AfterEach
    void stop() throws Exception {
        karaf.close();
    }

    @Test
    void featureInstallGatepassBringsTheCommandsAndTheyWork() throws Exception {
        karaf.startAndWaitFor("bundle:list");
        String version = System.getProperty("gatepass.version");

        KarafProcess.Result install = karaf.client("feature:repo-add mvn:io.gatepass/gatepass-features/" + version
            + "/xml/features; feature:install gatepass");
        karaf.waitForCommand("app:list --no-format");
        KarafProcess.Result registered = karaf.client("app:register --enable stock-app");
        KarafProcess.Result generated = karaf.client("token:generate --password karaf stock-app karaf");

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(registered.output()).contains("Registered client app 'stock-app' (confidential, enabled).");
        assertThat(generated.output()).containsPattern("Access token:  gpat_[A-Za-z0-9_-]{49}");
    }
}
