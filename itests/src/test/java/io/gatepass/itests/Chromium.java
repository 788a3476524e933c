package io.gatepass.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium (Debian packages {@code chromium} and {@code chromium-driver}),
 * driven by Selenium with the driver given by path, so that Selenium Manager never looks for or
 * downloads anything. Each instance has a fresh profile of its own.
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** @return whether the browser and its driver are installed where the tests expect them */
    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** Starts Chromium with an empty profile under {@code profile}. */
    static Chromium start(Path profile) throws IOException {
        Files.createDirectories(profile);
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(),
            "--window-size=1360,760", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER.toString()))
            .usingAnyFreePort()
            .build();
        return new Chromium(new ChromeDriver(service, options));
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /**
     * Sends HTTP Basic credentials with every request (DevTools {@code Network}), as a browser
     * does once the user has answered the login dialog; they never appear in a URL.
     */
    void logInWithBasicAuthentication(String user, String password) {
        String credentials = Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders",
            Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
    }

    /** Lets pages of the origin read and write the clipboard, as a user who allowed it. */
    void allowClipboard(String origin) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
            "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    /** @return what is on the clipboard now, read by the page through the Clipboard API */
    String clipboard() {
        return (String) driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, failure => done('read failed: ' + failure));");
    }

    /**
     * Saves a screenshot of the window under {@code target/screenshots}, and also into
     * {@code docs/images} when the build runs with {@code -Dgatepass.screenshots.update=true}.
     *
     * @return where it was saved under target
     */
    Path screenshot(String name) throws IOException {
        Path saved = Path.of("target/screenshots", name);
        Files.createDirectories(saved.getParent());
        Files.write(saved, driver.getScreenshotAs(OutputType.BYTES));
        if (Boolean.getBoolean("gatepass.screenshots.update")) {
            Path docs = Path.of(System.getProperty("gatepass.screenshots.docs", "../docs/images"));
            Files.createDirectories(docs);
            Files.copy(saved, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return saved;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
