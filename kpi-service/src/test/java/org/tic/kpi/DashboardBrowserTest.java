package org.tic.kpi;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The dashboard in a real headless Chromium (Debian's, driven by Playwright; no browser download) against the running
 * service, with data fed the production way (CloudEvents on Kafka, reports through the API). Without Chromium the
 * class is skipped with a message, or fails when CI is set. Screenshots: target/dashboard-screenshots/.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    static final Path SCREENSHOTS = Paths.get("target", "dashboard-screenshots");
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic", "--disable-dev-shm-usage");

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    private Playwright playwright;
    private Browser browser;
    private DashboardTestData data;
    private MapFixture mapFixture;
    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void startBrowser() {
        Path chromium = Paths.get(System.getenv().getOrDefault("TIC_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            String message = "Chromium not found at " + chromium + ": the dashboard browser tests need it. Install it "
                    + "with `apt-get install -y chromium` (Debian), or point TIC_CHROMIUM at a Chromium binary.";
            if (System.getenv("CI") != null) {
                fail(message + " (CI is set, so this fails instead of skipping)");
            }
            Assumptions.abort(message + " Skipping the browser tests.");
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium).setHeadless(true).setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    void stopBrowser() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (playwright != null) {
                playwright.close();
            }
        }
    }

    @BeforeEach
    void openPage() {
        if (data == null) {
            data = DashboardTestData.load();
            mapFixture = null; // new data, new ids
        }
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB")
                .setTimezoneId("UTC"));
        context.setDefaultTimeout(20_000);
        // project-service's GeoJSON (another service, not running here): two of this service's clusters and a corridor
        mapFixture = mapFixture == null ? MapFixture.of(data.clusters.get(0), data.clusters.get(1)) : mapFixture;
        serveMap(context);
        page = context.newPage();
        consoleErrors.clear();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text() + " @ " + m.location());
            }
        });
        page.onPageError(e -> consoleErrors.add("uncaught: " + e));
    }

    @AfterEach
    void closePage() {
        try {
            assertEquals(List.of(), List.copyOf(consoleErrors), "no console errors");
        } finally {
            context.close();
        }
    }

    @Test
    @Order(1)
    void theTilesShowTheApisNumbersAndFollowTheAsOfDate() throws Exception {
        open("");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        waitReady(today);
        JsonPath now = summary(null);
        assertTiles(now);
        assertEquals(23, now.getInt("signatoryClusters"));
        assertEquals("Published " + now.getString("published.asOf") + ": " + now.getInt("published.clusters") + " (source)",
                text("#tile-clusters .published"), "the initiative's latest published figure beside the computed one");
        assertEquals(today, page.inputValue("#as-of"));
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard.png")).setFullPage(true));

        // Another date: every tile moves to the API's numbers for that date.
        page.fill("#as-of", "2024-06-30");
        waitReady("2024-06-30");
        JsonPath mid2024 = summary("2024-06-30");
        assertTiles(mid2024);
        assertEquals(19, mid2024.getInt("signatoryClusters"));
        assertNotEquals(now.getInt("signatoryClusters"), mid2024.getInt("signatoryClusters"));
        assertNotEquals(attr("#tile-co2e .value", "data-value"), num(now, "CO2E"));
        assertTrue(page.url().endsWith("#/?asOf=2024-06-30"), page.url());
        assertEquals("2024-01-15", mid2024.getString("published.asOf"));
        assertEquals("Published 2024-01-15: " + mid2024.getInt("published.countries") + " (source)",
                text("#tile-countries .published"));
        assertTrue(text("#cluster-caption").contains("2024-06-30"));
        assertEquals("Page 1 of 2 · 19 clusters", text("#page-info"));

        // Before any report: no figure, and the coverage says so.
        page.fill("#as-of", "2022-06-30");
        waitReady("2022-06-30");
        assertTiles(summary("2022-06-30"));
        assertEquals("", attr("#tile-co2e .value", "data-value"));
        assertEquals("No reports yet (0 of 8 clusters)", text("#tile-co2e .coverage"));

        // The date survives a reload (it is in the URL), and "Today" goes back.
        page.reload();
        waitReady("2022-06-30");
        assertEquals("8", attr("#tile-clusters .value", "data-value"));
        page.click("#as-of-today");
        waitReady(today);
        assertEquals("23", attr("#tile-clusters .value", "data-value"));
    }

    @Test
    @Order(2)
    void theChartsAndTheRegionViewAreDrawnFromTheApi() {
        open("");
        waitReady(LocalDate.now(ZoneOffset.UTC).toString());
        for (String canvas : List.of("#growth-chart", "#pipeline-chart", "#breakdown-chart")) {
            assertTrue((Boolean) page.evaluate("c => !!window.Chart.getChart(document.querySelector(c))", canvas),
                    canvas + " has a Chart.js chart");
        }
        JsonPath pipeline = given().get("/api/v1/initiative/pipeline").then().extract().jsonPath();
        assertTrue(attr("#pipeline-chart", "aria-label").contains(pipeline.getInt("projects") + " projects"));
        assertTrue(text("#pipeline-note").startsWith("3 projects, 1 of them reached"));
        // The data tables behind the charts (for screen readers and keyboard users).
        page.click("#pipeline-heading ~ details summary");
        assertEquals(3, page.locator("#pipeline-table tbody tr").count(), "three stages");
        page.selectOption("#breakdown-by", "worldRegion");
        page.waitForFunction("() => document.querySelector('#breakdown-chart').getAttribute('aria-label').includes('world region')");
        JsonPath regions = given().get("/api/v1/initiative/breakdowns?by=worldRegion").then().extract().jsonPath();
        for (Map<String, Object> g : regions.<Map<String, Object>>getList("groups")) {
            assertEquals(String.valueOf(g.get("clusters")),
                    attr(".region[data-region='" + g.get("key") + "']", "data-clusters"), "region " + g.get("key"));
        }
        assertEquals("8", attr(".region[data-region='EUROPE']", "data-clusters"));
        // Per-cohort figures: the breakdown by joining year, one row per cohort in time order.
        page.selectOption("#breakdown-by", "cohort");
        page.waitForFunction("() => document.querySelector('#breakdown-chart').getAttribute('aria-label').includes('cohort')");
        List<String> cohorts = given().get("/api/v1/initiative/breakdowns?by=cohort").then().extract().jsonPath().getList("groups.key");
        page.click("#breakdown-heading ~ details summary");
        assertEquals(cohorts.stream().map(k -> k.equals("UNKNOWN") ? "Unknown" : k).toList(),
                page.locator("#breakdown-table tbody th").allTextContents().stream().map(String::trim).toList());
        JsonPath series = given().get("/api/v1/initiative/timeseries?from=2021-01-01&interval=quarter").then().extract().jsonPath();
        page.click("#growth-heading ~ details summary");
        assertEquals(series.getList("points").size(), page.locator("#growth-table tbody tr").count());
    }

    @Test
    @Order(3)
    void theTableSortsFiltersAndPagesAndOpensAClusterPage() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        open("");
        waitReady(LocalDate.now(ZoneOffset.UTC).toString());
        assertEquals("Page 1 of 3 · 23 clusters", text("#page-info"));
        assertEquals(apiNames("name", 0, ""), tableNames());
        assertEquals("ascending", attr("#cluster-table th[data-sort='name']", "aria-sort"));

        // Sort by name descending, then page.
        page.click("#cluster-table th[data-sort='name'] button");
        page.waitForSelector("#cluster-table th[data-sort='name'][aria-sort='descending']");
        assertEquals(apiNames("-name", 0, ""), tableNames());
        page.click("#page-next");
        page.waitForFunction("() => document.querySelector('#page-info').textContent.startsWith('Page 2 of 3')");
        assertEquals(apiNames("-name", 1, ""), tableNames());
        page.click("#page-next");
        page.waitForFunction("() => document.querySelector('#page-info').textContent.startsWith('Page 3 of 3')");
        assertEquals(apiNames("-name", 2, ""), tableNames());
        assertTrue(page.isDisabled("#page-next"));
        page.click("#page-prev");
        page.waitForFunction("() => document.querySelector('#page-info').textContent.startsWith('Page 2 of 3')");

        // Another column: back to page 1.
        page.click("#cluster-table th[data-sort='signatorySince'] button");
        page.waitForSelector("#cluster-table th[data-sort='signatorySince'][aria-sort='ascending']");
        assertEquals(apiNames("signatorySince", 0, ""), tableNames());
        assertEquals(null, attr("#cluster-table th[data-sort='name']", "aria-sort"));

        // Filters.
        int withHy = given().get("/api/v1/initiative/clusters?status=SIGNATORY&q=hy").then().extract().path("totalItems");
        assertTrue(withHy > 1 && withHy < 10, "a few names contain 'hy': " + withHy);
        page.fill("#filter-q", "hy");
        page.waitForFunction("n => document.querySelector('#page-info').textContent.endsWith('· ' + n + ' clusters')", withHy);
        assertEquals(apiNames("signatorySince", 0, "&q=hy"), tableNames());
        page.fill("#filter-q", "");
        page.selectOption("#filter-region", "AFRICA");
        page.waitForFunction("() => document.querySelector('#page-info').textContent.endsWith('· 2 clusters')");
        page.selectOption("#filter-region", "");
        page.selectOption("#filter-status", "APPLICANT");
        page.waitForFunction("() => document.querySelector('#page-info').textContent.endsWith('· 1 cluster')");
        assertEquals(List.of("Aspiring Applicant Cluster"), tableNames());
        page.selectOption("#filter-status", "SIGNATORY");
        page.waitForFunction("() => document.querySelector('#page-info').textContent.endsWith('· 23 clusters')");
        page.fill("#filter-q", "hynet");
        page.waitForFunction("() => document.querySelector('#page-info').textContent.endsWith('· 1 cluster')");
        assertEquals(List.of("HyNet North West"), tableNames());

        // The cluster page: facts, projects with stages, figures, KPI history.
        page.click("#cluster-table tbody a");
        page.waitForSelector("body[data-view='cluster'][data-state='ready']");
        DashboardTestData.Cluster hynet = data.clusters.get(1);
        assertTrue(page.url().endsWith("#/clusters/" + hynet.id()), page.url());
        assertEquals("HyNet North West", text("#cluster-name"));
        assertEquals("cluster-name", page.evaluate("() => document.activeElement.id"), "focus moves to the page heading");
        assertTrue(text("#cluster-facts").contains("United Kingdom (GB)"));
        List<String> projects = page.locator("#projects-table tbody tr").allInnerTexts();
        assertEquals(2, projects.size(), projects.toString());
        assertTrue(projects.get(0).startsWith("Humber Hydrogen Pipeline") && projects.get(0).contains("FEED")
                && projects.get(0).contains("Participant"), projects.get(0));
        assertTrue(projects.get(1).startsWith("HyNet Capture Plant") && projects.get(1).contains("Feasibility")
                && projects.get(1).contains("Lead"), projects.get(1));
        String figures = text("#figures-table tbody");
        assertTrue(figures.contains("CO2e potential reduction, SCOPE_1_2") && figures.contains("4.5"), figures);
        String history = text("#history-table tbody");
        assertTrue(history.contains("4,500") && history.contains("kt CO2e/yr"), history);
        assertTrue((Boolean) page.evaluate("() => !!window.Chart.getChart(document.querySelector('#kpi-history-chart'))"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard-cluster.png")).setFullPage(true));

        // Humber's history keeps the corrected version; the date picker redraws the cluster page too.
        page.navigate(dashboard + "#/clusters/" + data.clusters.get(0).id());
        page.waitForFunction("() => document.querySelector('#cluster-name').textContent === 'Humber Industrial Cluster'");
        waitReady(LocalDate.now(ZoneOffset.UTC).toString());
        assertEquals(2, page.locator("#history-table tbody tr", new Page.LocatorOptions().setHasText("CO2e")).count(),
                "both versions of the corrected CO2e value");
        assertTrue(text("#history-table tbody").contains("until 2025-02-01"));
        assertTrue(text("#figures-table tbody").contains("12"));
        page.fill("#as-of", "2024-06-30");
        waitReady("2024-06-30");
        assertTrue(text("#figures-table caption").contains("2024-06-30"));
        String figuresThen = text("#figures-table tbody");
        assertTrue(figuresThen.contains("10") && !figuresThen.contains("12"), figuresThen);
        page.click("#back-link");
        page.waitForSelector("body[data-view='overview'][data-state='ready']");
        assertFalse(page.isHidden("#overview-view"));
    }

    @Test
    @Order(4)
    void theKeyboardReachesTheDatePickerAndTheTable() {
        open("");
        waitReady(LocalDate.now(ZoneOffset.UTC).toString());
        Set<String> reached = new LinkedHashSet<>();
        page.locator("body").focus();
        for (int i = 0; i < 120 && !(reached.contains("sort:name") && reached.contains("row-link")); i++) {
            page.keyboard().press("Tab");
            reached.add((String) page.evaluate("""
                    () => { const a = document.activeElement;
                      if (a.id) return a.id;
                      const th = a.closest('th[data-sort]');
                      if (th && a.closest('thead')) return 'sort:' + th.dataset.sort;
                      if (a.closest('#cluster-table tbody') && a.tagName === 'A') return 'row-link';
                      return a.tagName.toLowerCase(); }"""));
        }
        assertTrue(reached.contains("as-of"), "Tab reaches the date picker: " + reached);
        assertTrue(reached.contains("sort:name"), "Tab reaches the table's sort buttons: " + reached);
        assertTrue(reached.contains("row-link"), "Tab reaches the cluster links: " + reached);
        List<String> order = new ArrayList<>(reached);
        assertTrue(order.indexOf("as-of") < order.indexOf("filter-q") && order.indexOf("filter-q") < order.indexOf("sort:name"),
                "a sensible order: " + order);

        // Keys work the controls: Enter sorts, Enter on a link opens the cluster, the date picker takes typed dates.
        page.focus("#cluster-table th[data-sort='country'] button");
        page.keyboard().press("Enter");
        page.waitForSelector("#cluster-table th[data-sort='country'][aria-sort='ascending']");
        page.focus("#cluster-table tbody a");
        String name = text("#cluster-table tbody a");
        page.keyboard().press("Enter");
        page.waitForSelector("body[data-view='cluster'][data-state='ready']");
        assertEquals(name, text("#cluster-name"));
        page.goBack();
        page.waitForSelector("body[data-view='overview'][data-state='ready']");
        // The date picker by keyboard: arrow down on its first field (day or month, by locale) goes back in time.
        page.focus("#as-of");
        page.keyboard().press("ArrowDown");
        page.waitForFunction("t => document.querySelector('#as-of').value < t", LocalDate.now(ZoneOffset.UTC).toString());
        String picked = page.inputValue("#as-of");
        waitReady(picked);
        assertTiles(summary(picked));
    }

    @Test
    @Order(5)
    void onAPhoneEverythingFitsTheWidth() throws Exception {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true)
                .setHasTouch(true).setLocale("en-GB").setTimezoneId("UTC"));
        context.setDefaultTimeout(20_000);
        serveMap(context);
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text());
            }
        });
        page.onPageError(e -> consoleErrors.add("uncaught: " + e));
        open("");
        waitReady(LocalDate.now(ZoneOffset.UTC).toString());
        assertTiles(summary(null));
        Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow.intValue() <= 0, "no sideways scrolling of the page: " + overflow + " px too wide");
        Number tileWidth = (Number) page.evaluate("() => document.querySelector('#tile-co2e').getBoundingClientRect().width");
        assertTrue(tileWidth.doubleValue() > 300, "tiles take the full width on a phone: " + tileWidth);
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard-phone.png")).setFullPage(true));
    }

    @Test
    @Order(6)
    void itUpdatesLiveWithoutReloadingAndDoesNotRedrawWhenNothingChanged() {
        List<Integer> versionStatuses = Collections.synchronizedList(new ArrayList<>());
        page.onResponse(r -> {
            if (r.url().contains("/api/v1/initiative/version")) {
                versionStatuses.add(r.status());
            }
        });
        open("?poll=500");
        waitReady(LocalDate.now(ZoneOffset.UTC).toString());
        page.evaluate("() => { window.loadedOnce = 'yes'; }");
        String renders = attr("body", "data-renders");
        page.waitForTimeout(2_500);
        assertTrue(versionStatuses.stream().filter(s -> s == 304).count() >= 3, "polled, unchanged: " + versionStatuses);
        assertEquals(renders, attr("body", "data-renders"), "nothing redrawn while nothing changed");
        assertEquals("", text("#live-status"));

        DashboardTestData.addSignatory("Live Update Port", "NO", "EUROPE");
        page.waitForSelector("#tile-clusters .value[data-value='24']", new Page.WaitForSelectorOptions().setTimeout(15_000));
        assertEquals("yes", page.evaluate("() => window.loadedOnce"), "updated in place, not reloaded");
        assertTrue(text("#live-status").startsWith("Updated with new data"), text("#live-status"));
        assertTrue(versionStatuses.contains(200));
        assertEquals("from 3 of 24 clusters", text("#tile-co2e .coverage"));
        assertEquals("Page 1 of 3 · 24 clusters", text("#page-info"));
        data = null; // the next test class or run reloads its own data
    }

    // -----------------------------------------------------------------------------------------------------------

    @Test
    @Order(7)
    void theNetworkIsOnAWorldMapAndAClusterOpensItsPage() throws Exception {
        open("");
        waitReady(LocalDate.now(ZoneOffset.UTC).toString());
        page.waitForSelector("body[data-map='rendered']");
        assertTrue(attr(".world-map .land", "d").length() > 10_000, "the Natural Earth countries are drawn");
        assertEquals(2, page.locator(".world-map .cluster").count(), "one point per located cluster");
        assertEquals(1, page.locator(".world-map .corridor").count(), "one line per corridor");
        assertEquals("Signatory (2)", page.locator("#map-legend li").first().textContent().trim());
        assertTrue(page.locator("#map-list tbody tr").count() == 2, "the same clusters in the table alternative");
        Files.createDirectories(SCREENSHOTS);
        page.locator("#map-heading").scrollIntoViewIfNeeded();
        page.locator("#map-heading").locator("xpath=..").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("dashboard-map.png")));

        // keyboard: the point is a link; Enter opens the cluster's page
        page.focus(".world-map a[data-id='" + mapFixture.firstId() + "']");
        assertTrue(attr(".world-map a[data-id='" + mapFixture.firstId() + "']", "aria-label").startsWith(mapFixture.firstName() + ", "));
        page.keyboard().press("Enter");
        page.waitForFunction("id => location.hash.startsWith('#/clusters/' + id)", mapFixture.firstId());
        // ready, not only shown: the view shows before its data arrives (reading the name at once failed once)
        page.waitForSelector("body[data-view='cluster'][data-state='ready']");
        assertEquals(mapFixture.firstName(), text("#cluster-name"));
    }

    /** Two clusters of the test data at Rotterdam and Algeciras, and a corridor between them. */
    record MapFixture(String firstId, String firstName, String secondId, String json) {
        static MapFixture of(DashboardTestData.Cluster first, DashboardTestData.Cluster second) {
            String a = first.id().toString();
            String b = second.id().toString();
            String json = "{\"type\":\"FeatureCollection\",\"features\":["
                    + point(a, first.name(), 4.14, 51.95) + ","
                    + point(b, second.name(), -5.45, 36.13) + ","
                    + "{\"type\":\"Feature\",\"id\":\"" + java.util.UUID.randomUUID() + "\",\"geometry\":{\"type\":\"LineString\","
                    + "\"coordinates\":[[4.14,51.95],[-5.45,36.13]]},\"properties\":{\"kind\":\"corridor\",\"name\":\"Test corridor\","
                    + "\"category\":\"HYDROGEN_AND_DERIVATIVES\",\"stage\":\"FEED\",\"originClusterId\":\"" + a + "\",\"originName\":\"A\","
                    + "\"destinationClusterId\":\"" + b + "\",\"destinationName\":\"B\",\"countries\":[\"NL\",\"ES\"]}}]}";
            return new MapFixture(a, first.name(), b, json);
        }

        private static String point(String id, String name, double lon, double lat) {
            return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat
                    + "]},\"properties\":{\"kind\":\"cluster\",\"slug\":\"x\",\"name\":\"" + name.replace("\"", "\\\"")
                    + "\",\"country\":\"NL\",\"type\":\"PORT\",\"status\":\"SIGNATORY\",\"joinedYear\":2024}}";
        }
    }

    /** project-service's GeoJSON (another service, not running here): two test clusters and a corridor. */
    private void serveMap(BrowserContext ctx) {
        ctx.route("**/api/v1/map", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                .setStatus(200).setContentType("application/geo+json").setBody(mapFixture.json())
                .setHeaders(Map.of("Access-Control-Allow-Origin", "*"))));
    }

    private void open(String query) {
        page.navigate(dashboard + query);
    }

    private void waitReady(String asOf) {
        page.waitForSelector("body[data-state='ready'][data-as-of='" + asOf + "']");
    }

    private String text(String selector) {
        return page.locator(selector).first().textContent().trim();
    }

    private String attr(String selector, String name) {
        return page.locator(selector).first().getAttribute(name);
    }

    private static JsonPath summary(String asOf) {
        return given().get("/api/v1/initiative/summary" + (asOf == null ? "" : "?asOf=" + asOf)).then().statusCode(200)
                .extract().jsonPath();
    }

    /** The API's total for the tile's metric (the single bucket of that metric in the test data), as plain text. */
    private static String num(JsonPath summary, String metric) {
        Map<String, Object> t = bucket(summary, metric);
        return t == null ? "" : new BigDecimal(String.valueOf(t.get("total"))).stripTrailingZeros().toPlainString();
    }

    private static Map<String, Object> bucket(JsonPath summary, String metric) {
        List<Map<String, Object>> totals = summary.getList("totals");
        return totals.stream().filter(t -> metric.equals(t.get("metric"))
                        && (!"CO2E".equals(metric) || "POTENTIAL_REDUCTION".equals(t.get("co2eMetricType"))))
                .findFirst().orElse(null);
    }

    private void assertTiles(JsonPath s) {
        DecimalFormat fmt = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        assertEquals(String.valueOf(s.getInt("signatoryClusters")), attr("#tile-clusters .value", "data-value"));
        assertEquals(fmt.format(s.getInt("signatoryClusters")), text("#tile-clusters .value"));
        assertEquals(String.valueOf(s.getInt("countries")), attr("#tile-countries .value", "data-value"));
        assertEquals(fmt.format(s.getInt("countries")), text("#tile-countries .value"));
        assertEquals(String.valueOf(s.getInt("policy.adoptingCountries")), attr("#tile-policy .value", "data-value"));
        List<String> adopting = s.getList("policy.adoptingCountryCodes");
        assertEquals(adopting.isEmpty() ? "no national adoption recorded yet" : String.join(", ", adopting),
                text("#tile-policy .coverage"));
        int signatories = s.getInt("signatoryClusters");
        for (String[] tile : new String[][]{{"#tile-co2e", "CO2E"}, {"#tile-gdp", "GDP"}, {"#tile-jobs", "JOBS"}}) {
            Map<String, Object> t = bucket(s, tile[1]);
            String shown = attr(tile[0] + " .value", "data-value");
            if (t == null) {
                assertEquals("", shown, tile[0]);
                assertEquals("No reports yet (0 of " + signatories + " clusters)", text(tile[0] + " .coverage"));
                continue;
            }
            BigDecimal expected = new BigDecimal(String.valueOf(t.get("total")));
            assertEquals(0, expected.compareTo(new BigDecimal(shown)), tile[0] + ": " + shown + " vs API " + expected);
            assertEquals(fmt.format(expected), text(tile[0] + " .value"), tile[0]);
            @SuppressWarnings("unchecked")
            Map<String, Object> coverage = (Map<String, Object>) t.get("coverage");
            assertEquals("from " + coverage.get("reporting") + " of " + coverage.get("of") + " clusters",
                    text(tile[0] + " .coverage"), tile[0]);
        }
        String published = s.getString("published.asOf");
        if (published != null) {
            assertEquals(String.valueOf(s.getInt("published.clusters")), attr("#tile-clusters .published", "data-value"));
        }
    }

    private List<String> tableNames() {
        return page.locator("#cluster-table tbody th a").allTextContents();
    }

    private static List<String> apiNames(String sort, int page, String filter) {
        return given().get("/api/v1/initiative/clusters?status=SIGNATORY&size=10&sort=" + sort + "&page=" + page + filter)
                .then().statusCode(200).extract().jsonPath().getList("items.name", String.class);
    }
}
