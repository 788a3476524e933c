package io.gatepass.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console tab "Client Apps" in a real headless Chromium, against the distribution run
 * as a process: an administrator registers an app, enables it, generates tokens in its Secret
 * window, copies them, and revokes them from the grants table; the shell confirms each step.
 * Takes the README's screenshots (with fake tokens).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebConsoleBrowserIT {

    private static final String USER = "web-user";
    private static final String PASSWORD = "Web-Pw-4h7s2x";
    private static final String ACCESS = "gpat_[A-Za-z0-9_-]{49}";
    private static final String REFRESH = "gprt_[A-Za-z0-9_-]{49}";
    private static final String SECRET = "gpcs_[A-Za-z0-9_-]{49}";
    private static final String FAKE_ACCESS = "gpat_EXAMPLEonlyEXAMPLEonlyEXAMPLEonlyEXAMPLEonly0000";
    private static final String FAKE_REFRESH = "gprt_EXAMPLEonlyEXAMPLEonlyEXAMPLEonlyEXAMPLEonly0000";
    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final String INJECTED_IMAGES = "return document.querySelectorAll('img[src=\"x\"]').length";

    private KarafProcess karaf;
    private Chromium chromium;
    private ChromeDriver driver;
    private String origin;

    @BeforeAll
    void startKarafAndChromium() throws Exception {
        assertThat(Chromium.installed())
            .as("/usr/bin/chromium and /usr/bin/chromedriver (./test.sh installs them)").isTrue();
        karaf = KarafProcess.unpack(Path.of(System.getProperty("gatepass.distribution")),
            Path.of("target/e2e/console-" + System.nanoTime()));
        Files.writeString(karaf.home().resolve("etc/users.properties"),
            "\n" + USER + " = " + PASSWORD + ",viewer\n", StandardOpenOption.APPEND);
        karaf.start();
        origin = "http://127.0.0.1:" + karaf.httpPort();

        chromium = Chromium.start(Path.of("target/chromium/profile-" + System.nanoTime()));
        driver = chromium.driver();
        chromium.logInWithBasicAuthentication("karaf", "karaf");
        chromium.allowClipboard(origin);
    }

    @AfterAll
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (karaf != null) {
            karaf.close();
        }
    }

    @BeforeEach
    void openTheTab() {
        await("the Client Apps tab").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
            .until(() -> {
                driver.get(origin + "/system/console/gatepass");
                return !driver.findElements(By.id("gatepass")).isEmpty();
            });
        waiting().until(d -> !d.findElement(By.id("gp-status")).getText().startsWith("Loading"));
    }

    @Test
    @Order(1)
    void tokensFromTheSecretWindowWorkUntilTheirGrantIsRevokedInTheGrantsTable() throws Exception {
        register("Browser-Sync", "Browser Sync");
        assertThat(errorNextTo("gp-register-form", "id")).isEqualTo("Invalid id 'Browser-Sync': use 1 to 63"
            + " lower-case letters, digits and hyphens, starting with a letter or digit.");
        retypeAndRegister("gp-register-id", "browser-sync");
        String secret = waiting().until(visibilityOfElementLocated(By.id("gp-secret-value"))).getText();
        assertThat(secret).matches(SECRET);
        assertThat(text("gp-secret-panel")).contains("This secret will not be shown again");
        driver.findElement(By.id("gp-secret-done")).click();
        assertThat(driver.findElement(By.id("gp-secret-value")).getAttribute("textContent")).isEmpty();

        inRow("browser-sync", "gp-toggle").click();
        waiting().until(d -> cell("browser-sync", "gp-enabled-state").equals("yes"));
        inRow("browser-sync", "gp-secret").click();
        WebElement password = waiting().until(visibilityOfElementLocated(By.id("gp-token-password")));
        assertThat(dialogTitle("gp-token-dialog")).isEqualTo("Generate Application tokens: Browser Sync");

        driver.findElement(By.id("gp-token-username")).sendKeys(USER);
        password.sendKeys("wrong-" + PASSWORD);
        driver.findElement(By.id("gp-token-submit")).click();

        assertThat(errorNextTo("gp-token-form", "password")).isEqualTo("Wrong username or password for user '"
            + USER + "'.");
        assertThat(password.findElement(By.xpath("following-sibling::*[1]")).getAttribute("data-error-for"))
            .isEqualTo("password");
        assertThat(password.getAttribute("value")).isEmpty();

        password.sendKeys(PASSWORD);
        driver.findElement(By.id("gp-token-submit")).click();
        String accessToken = waiting().until(visibilityOfElementLocated(By.id("gp-access-token"))).getText();
        String refreshToken = text("gp-refresh-token");

        assertThat(accessToken).matches(ACCESS);
        assertThat(refreshToken).matches(REFRESH);
        assertThat(text("gp-token-result")).contains("These tokens will not be shown again")
            .contains("Expires 20");
        assertThat(password.getAttribute("value")).isEmpty();

        driver.findElement(By.id("gp-copy-access")).click();
        waiting().until(d -> copyStatusOf("gp-copy-access").equals("Copied."));
        assertClipboardHolds(accessToken);
        assertThat(karaf.client("token:inspect " + accessToken).output()).contains("Active:          yes");

        driver.executeScript("document.getElementById('gp-access-token').textContent = arguments[0];"
            + "document.getElementById('gp-refresh-token').textContent = arguments[1];",
            FAKE_ACCESS, FAKE_REFRESH);
        chromium.screenshot("token-window.png");
        closeDialog("gp-token-dialog");

        assertThat(driver.findElement(By.id("gp-access-token")).getAttribute("textContent")).isEmpty();
        assertThat(driver.findElement(By.id("gp-refresh-token")).getAttribute("textContent")).isEmpty();
        String page = driver.getPageSource();
        assertThat(page.contains("gpat_") || page.contains(refreshToken) || page.contains(PASSWORD))
            .as("the page holds a token or the password after the window closed").isFalse();
        assertThat(driver.executeScript("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
        assertThat((String) driver.executeScript(
            "return performance.getEntriesByType('resource').map(entry => entry.name).join(' ')"))
            .contains("/gatepass/generate-tokens.json").doesNotContain(PASSWORD, USER);

        inRow("browser-sync", "gp-grants").click();
        WebElement grant = waiting().until(visibilityOfElementLocated(By.cssSelector("#gp-grants tbody tr")));
        assertThat(grant.getText()).contains(USER, "viewer", "active");
        assertThat(cell("browser-sync", "gp-live-grants")).isEqualTo("1");
        driver.executeScript("window.scrollTo(0, 0)");
        chromium.screenshot("console-tab.png");

        grant.findElement(By.className("gp-revoke-grant")).click();
        assertThat(waiting().until(visibilityOfElementLocated(By.id("gp-confirm-text"))).getText())
            .startsWith("Revoke grant g-").contains("of user '" + USER + "'");
        driver.findElement(By.id("gp-confirm-yes")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#gp-grants tbody tr")).isEmpty());

        assertThat(karaf.client("token:inspect " + accessToken).output()).contains("Active:          no")
            .contains("the token has been revoked");
        waiting().until(d -> text("gp-audit").contains("REVOKED"));
        assertThat(text("gp-audit")).contains("console:karaf@127.0.0.1");
        waiting().until(d -> cell("browser-sync", "gp-live-grants").equals("0"));
    }

    @Test
    @Order(2)
    void anAppNamedLikeMarkupIsShownAsTextEverywhere() {
        driver.executeScript(
            "window.gatepassAlerts = []; window.alert = m => window.gatepassAlerts.push(String(m));");

        register("xss-app", XSS);

        assertThat(waiting().until(visibilityOfElementLocated(By.id("gp-secret-title"))).getText())
            .contains(XSS);
        driver.findElement(By.id("gp-secret-done")).click();
        waiting().until(d -> cell("xss-app", "gp-name").equals(XSS));
        inRow("xss-app", "gp-secret").click();
        waiting().until(visibilityOfElementLocated(By.id("gp-token-dialog")));
        assertThat(dialogTitle("gp-token-dialog")).isEqualTo("Generate Application tokens: " + XSS);
        assertThat(text("gp-token-app")).isEqualTo(XSS + " (xss-app)");
        closeDialog("gp-token-dialog");
        inRow("xss-app", "gp-delete").click();
        assertThat(waiting().until(visibilityOfElementLocated(By.id("gp-confirm-text"))).getText())
            .isEqualTo("Delete client app " + XSS + " (xss-app)? 0 live grant(s) will be revoked:"
                + " their tokens stop working at once. The id stays reserved.");
        driver.findElement(By.id("gp-confirm-no")).click();
        assertThat(driver.findElement(By.cssSelector("#gp-audit-app option[value='xss-app']")).getText())
            .isEqualTo(XSS + " (xss-app)");

        assertThat(driver.executeScript(INJECTED_IMAGES)).isEqualTo(0L);
        assertThat(driver.executeScript("return window.gatepassAlerts.length")).isEqualTo(0L);
        driver.navigate().refresh();
        waiting().until(d -> cell("xss-app", "gp-name").equals(XSS));
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.executeScript(INJECTED_IMAGES)).isEqualTo(0L);
    }

    @Test
    @Order(3)
    void theClientSecretIsCopiedThroughAHiddenTextAreaWhereTheClipboardApiIsMissing() {
        register("copy-fallback", "Copy fallback");
        String secret = waiting().until(visibilityOfElementLocated(By.id("gp-secret-value"))).getText();
        driver.executeScript(
            "Object.defineProperty(window, 'isSecureContext', {value: false, configurable: true});");

        driver.findElement(By.cssSelector("#gp-secret-panel .gp-copy")).click();

        waiting().until(d -> text("gp-secret-panel").contains("Copied."));
        assertClipboardHolds(secret);
        assertThat(driver.findElements(By.className("gp-copy-area"))).isEmpty();
    }

    /** Compares without ever printing the secret, should the comparison fail. */
    private void assertClipboardHolds(String secret) {
        String clipboard = chromium.clipboard();
        String instead = clipboard.startsWith("read failed") ? clipboard : clipboard.length() + " characters";
        assertThat(clipboard.equals(secret)).as("the clipboard holds the copied value, not %s", instead)
            .isTrue();
    }

    private void register(String id, String name) {
        driver.findElement(By.id("gp-register-open")).click();
        WebElement idField = waiting().until(visibilityOfElementLocated(By.id("gp-register-id")));
        idField.sendKeys(id);
        driver.findElement(By.id("gp-register-name")).sendKeys(name);
        driver.findElement(By.cssSelector("#gp-register-form button[type=submit]")).click();
    }

    private void retypeAndRegister(String fieldId, String value) {
        WebElement field = driver.findElement(By.id(fieldId));
        field.clear();
        field.sendKeys(value);
        driver.findElement(By.cssSelector("#gp-register-form button[type=submit]")).click();
        waiting().until(invisibilityOfElementLocated(By.id("gp-register-dialog")));
    }

    /** @return the message shown next to the field, once there is one */
    private String errorNextTo(String formId, String field) {
        By slot = By.cssSelector("#" + formId + " [data-error-for='" + field + "']");
        return waiting().until(d -> {
            String message = d.findElement(slot).getText();
            return message.isEmpty() ? null : message;
        });
    }

    private WebElement inRow(String appId, String className) {
        return waiting().until(d -> d.findElement(By.cssSelector("#gp-apps tr[data-app-id='" + appId + "'] ."
            + className)));
    }

    private String cell(String appId, String className) {
        return inRow(appId, className).getText();
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private String copyStatusOf(String buttonId) {
        return driver.findElement(By.id(buttonId)).findElement(By.xpath("following-sibling::span[1]"))
            .getText();
    }

    private String dialogTitle(String dialogId) {
        return driver.findElement(By.xpath("//div[@id='" + dialogId + "']/preceding-sibling::div"
            + "//span[contains(@class, 'ui-dialog-title')]")).getText();
    }

    private void closeDialog(String dialogId) {
        driver.findElement(By.xpath("//div[@id='" + dialogId + "']/preceding-sibling::div"
            + "//button[contains(@class, 'ui-dialog-titlebar-close')]")).click();
        waiting().until(invisibilityOfElementLocated(By.id(dialogId)));
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = chromium.waiting();
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
