package org.tic.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;
import org.tic.devinfra.identity.KeycloakServer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The console's browser for e2e stories: Debian's headless Chromium through Playwright, contexts pointed at the test
 * platform's services (localStorage endpoints), sign-in through Keycloak, axe-core on a screen, screenshots in
 * target/console-screenshots/. Within a test class running on {@link PlatformExtension}; closed after it.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path SCREENSHOTS = Paths.get("target", "console-screenshots");

    private final Playwright playwright;
    private final Browser browser;
    /** The console's URL (kpi-service's /console/). */
    final String console;
    /** Every console error the pages logged (a refused request shows up here too). */
    final List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());

    private ConsoleBrowser(Playwright playwright, Browser browser, String console) {
        this.playwright = playwright;
        this.browser = browser;
        this.console = console;
    }

    /** Starts Chromium (TIC_CHROMIUM, default /usr/bin/chromium); aborts the test when it is missing, fails on CI. */
    static ConsoleBrowser start() throws Exception {
        Path chromium = Paths.get(System.getenv().getOrDefault("TIC_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            String message = "Chromium not found at " + chromium + ": the console browser tests need it (apt-get install -y chromium).";
            if (System.getenv("CI") != null) {
                fail(message + " (CI is set, so this fails instead of skipping)");
            }
            Assumptions.abort(message);
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run")));
        String console = PlatformExtension.platform().service("kpi-service").baseUrl() + "/console/";
        allowRedirect(console + "*");
        Files.createDirectories(SCREENSHOTS);
        return new ConsoleBrowser(playwright, browser, console);
    }

    /** A fresh browser context (no Keycloak session) whose console calls this platform's services. */
    BrowserContext context() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
        context.setDefaultTimeout(20_000);
        context.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text() + " @ " + m.location());
            }
        });
        var platform = PlatformExtension.platform();
        Map<String, String> endpoints = Map.of(
                "membership", platform.service("membership-service").baseUrl() + "/api/v1/",
                "project", platform.service("project-service").baseUrl() + "/api/v1/",
                "issuer", PlatformExtension.keycloak().issuer());
        try {
            context.addInitScript("localStorage.setItem('tic.console.endpoints', " + JSON.writeValueAsString(JSON.writeValueAsString(endpoints)) + ");");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return context;
    }

    /** Signs in through Keycloak's login page (authorization code + PKCE) and waits for the console again. */
    static void signIn(Page page, String username, String password) {
        page.locator("#sign-in").click();
        page.waitForURL(Pattern.compile(".*/protocol/openid-connect/auth.*"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(Pattern.compile(".*/console/.*"));
        assertThat(page.locator("#who")).containsText("Signed in as " + username);
    }

    /** axe-core (from the npm registry, see the pom) on the page as it is: no violation at all. */
    static void axe(Page page, String screen) throws Exception {
        Path axe = Path.of(ConsoleBrowser.class.getResource("/axe-core/axe.min.js").toURI());
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(Files.readString(axe, StandardCharsets.UTF_8)));
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']}))"
                + ".violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        assertTrue(violations.isEmpty(), "axe-core on the " + screen + ": " + String.join("\n", violations));
    }

    static void screenshot(Page page, String file) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(file)).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /** Keycloak's public web client may send the browser back to the console on this test's port. */
    private static void allowRedirect(String uri) throws Exception {
        KeycloakServer keycloak = PlatformExtension.keycloak();
        HttpResponse<String> found = keycloak.adminCall("GET", "/admin/realms/tic/clients?clientId=tic-web", null);
        ObjectNode client = (ObjectNode) JSON.readTree(found.body()).get(0);
        ArrayNode redirects = client.withArray("redirectUris");
        for (JsonNode r : redirects) {
            if (r.asText().equals(uri)) {
                return;
            }
        }
        redirects.add(uri);
        HttpResponse<String> updated = keycloak.adminCall("PUT", "/admin/realms/tic/clients/" + client.get("id").asText(),
                client.toString());
        assertEquals(204, updated.statusCode(), updated.body());
    }
}
