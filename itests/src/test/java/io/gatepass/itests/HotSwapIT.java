package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.gatepass.api.ClientApp;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/** Updating or reinstalling Gatepass while the server runs loses no app. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT extends GatepassKarafTestSupport {

    @Test
    public void bundleUpdateOfEachGatepassBundleKeepsTheApps() throws Exception {
        execute("app:register --enable swap-one");
        execute("app:register --public swap-two");

        for (String name : List.of("gatepass-store", "gatepass-registry", "gatepass-shell")) {
            execute("bundle:update " + gatepassBundle(name).getBundleId());

            assertThat(gatepassBundle(name).getState()).as(name).isEqualTo(Bundle.ACTIVE);
            assertThat(registry().list()).extracting(ClientApp::id).as("after updating " + name)
                .contains("swap-one", "swap-two");
            assertThat(execute("app:list --no-format")).as("after updating " + name)
                .contains("swap-one").contains("swap-two");
        }
    }

    @Test
    public void tokensStayValidAcrossAnUpdateOfEachGatepassBundle() throws Exception {
        registry().register(io.gatepass.api.NewClientApp.withId("swap-tokens").enabled(true));
        io.gatepass.api.TokenPair pair = tokens().generate(new io.gatepass.api.TokenRequest("swap-tokens", "karaf",
            "karaf".toCharArray(), java.util.Set.of(), "it"));

        for (String name : List.of("gatepass-store", "gatepass-registry", "gatepass-tokens", "gatepass-shell")) {
            execute("bundle:update " + gatepassBundle(name).getBundleId());

            assertThat(tokens().validate(pair.accessToken()).isValid()).as("after updating " + name).isTrue();
        }
        char[] secret = registry().rotateSecret("swap-tokens", java.time.Duration.ZERO).secret().value();
        assertThat(tokens().refresh(pair.refreshToken(), new io.gatepass.api.ClientCredentials("swap-tokens", secret))
            .grantId()).isEqualTo(pair.grantId());
    }

    @Test
    public void bundleRestartOfTheStoreKeepsTheApps() throws Exception {
        execute("app:register restart-one");

        execute("bundle:restart " + gatepassBundle("gatepass-store").getBundleId());

        assertThat(registry().find("restart-one")).isPresent();
        assertThat(execute("app:info restart-one")).contains("restart-one");
    }

    @Test
    public void featureUninstallAndInstallKeepsTheAppsAndTheirTokens() throws Exception {
        execute("app:register --enable feature-one");
        io.gatepass.api.TokenPair pair = tokens().generate(new io.gatepass.api.TokenRequest("feature-one", "karaf",
            "karaf".toCharArray(), java.util.Set.of(), "it"));

        execute("feature:uninstall gatepass");
        assertThat(bundleContext.getServiceReference(io.gatepass.api.ClientAppRegistry.class)).isNull();
        execute("feature:install gatepass");

        assertThat(registry().get("feature-one").enabled()).isTrue();
        assertThat(execute("app:list --no-format")).contains("feature-one");
        assertThat(tokens().validate(pair.accessToken()).isValid()).isTrue();
    }
}
