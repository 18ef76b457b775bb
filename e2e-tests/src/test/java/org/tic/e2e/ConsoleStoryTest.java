package org.tic.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tic.client.membership.api.ClustersApi;
import org.tic.client.membership.api.OrganizationsApi;
import org.tic.client.membership.model.ClusterRequest;
import org.tic.client.membership.model.ClusterStatus;
import org.tic.client.membership.model.ClusterType;
import org.tic.client.membership.model.OrganizationKind;
import org.tic.client.membership.model.OrganizationRequest;
import org.tic.client.membership.model.WorldRegion;
import org.tic.devinfra.client.GeneratedClients;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in Debian's headless Chromium against the packaged services and Keycloak: a coordinator signs in through
 * the identity provider (authorization code + PKCE), drafts its cluster's application with the criteria checked live,
 * submits it, sees no edit button on another cluster and cannot change it by crafting the call; the secretariat signs
 * in, reviews and approves it, and the cluster becomes a signatory. axe-core checks each screen. Screenshots:
 * target/console-screenshots/.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleStoryTest {

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);
    private static final Path SCREENSHOTS = ConsoleBrowser.SCREENSHOTS;

    private ConsoleBrowser browser;
    private String console;
    /** The cluster the first story makes a signatory (from 2024-01-01), and its coordinator: the second story's. */
    private String mine;
    private String coordinator;
    private List<String> consoleErrors;

    @BeforeAll
    void startBrowser() throws Exception {
        browser = ConsoleBrowser.start();
        console = browser.console;
        consoleErrors = browser.consoleErrors;
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aCoordinatorAppliesThroughTheConsoleAndTheSecretariatApproves() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var secretariat = GeneratedClients.membership(PlatformExtension.platform().service("membership-service").baseUrl(),
                PlatformExtension.secretariat());
        ClustersApi clusters = new ClustersApi(secretariat);
        mine = clusters.registerCluster(new ClusterRequest().name("Console Port " + suffix).country("NL")
                .worldRegion(WorldRegion.EUROPE).type(ClusterType.PORT).addSectorsItem("hydrogen")).getId().toString();
        String other = clusters.registerCluster(new ClusterRequest().name("Other Valley " + suffix).country("DE")
                .worldRegion(WorldRegion.EUROPE).type(ClusterType.HYDROGEN_VALLEY).addSectorsItem("steel")).getId().toString();
        OrganizationsApi organizations = new OrganizationsApi(secretariat);
        List<String> parties = List.of(
                organizations.createOrganization(new OrganizationRequest().name("Console Energy " + suffix).kind(OrganizationKind.COMPANY)).getName(),
                organizations.createOrganization(new OrganizationRequest().name("Console Chemicals " + suffix).kind(OrganizationKind.COMPANY)).getName(),
                organizations.createOrganization(new OrganizationRequest().name("Console Province " + suffix).kind(OrganizationKind.GOVERNMENT_BODY)).getName());
        coordinator = "console-" + suffix;
        PlatformExtension.keycloak().ensureUser(coordinator, "cluster-coordinator", Map.of("clusters", List.of(mine)));

        // The coordinator: sign in through Keycloak (PKCE), draft, watch the criteria, submit.
        try (BrowserContext context = browser.context()) {
            Page page = context.newPage();
            page.navigate(console);
            ConsoleBrowser.signIn(page, coordinator, coordinator);
            assertThat(page.locator("#who")).containsText("Signed in as " + coordinator + " (cluster coordinator)");
            ConsoleBrowser.axe(page, "home");

            page.navigate(console + "#/apply");
            page.getByLabel("Statement", new Page.GetByLabelOptions().setExact(true)).fill("Net zero by 2050 with good jobs");
            page.getByLabel("Signed by").fill("Chair of Console Port");
            page.getByLabel("Signed on").fill("2024-01-15");
            // live: the draft is saved and checked; with no party yet, the parties criterion is not met
            assertThat(page.locator("#live-criteria li[data-criterion=PARTIES]")).containsText("Not met");
            for (int i = 0; i < 3; i++) {
                page.locator("#party-" + (i + 1)).selectOption(new com.microsoft.playwright.options.SelectOption()
                        .setLabel(parties.get(i) + (i < 2 ? " (company)" : " (government body)")));
            }
            page.getByLabel("CO2e reduction potential").fill("2");
            page.getByLabel("Just transition: jobs plan").fill("Reskilling programme for 400 refinery workers");
            assertThat(page.locator("#live-criteria")).containsText("Every criterion is met", new com.microsoft.playwright
                    .assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(page.locator("#live-criteria li.met")).hasCount(4);
            ConsoleBrowser.axe(page, "application form");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-apply.png")).setFullPage(true));
            page.locator("#submit-application").click();
            assertThat(page.locator("#application-status")).hasText("SUBMITTED");
            assertThat(page.locator("#live-status")).containsText("waits for the secretariat's review");

            // Not its cluster: no edit button, and the crafted call is refused by the service.
            page.navigate(console + "#/clusters/" + other);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Other Valley " + suffix))).isVisible();
            assertThat(page.locator("#edit-cluster")).hasCount(0);
            Object crafted = page.evaluate("async ([url, id]) => { const s = JSON.parse(sessionStorage.getItem('tic.console.session'));"
                    + " const r = await fetch(url + 'clusters/' + id, {method: 'PUT', headers: {'Content-Type': 'application/json',"
                    + " 'If-Match': '\"0\"', Authorization: 'Bearer ' + s.accessToken}, body: JSON.stringify({name: 'Hijacked',"
                    + " country: 'DE', worldRegion: 'EUROPE', type: 'HYDROGEN_VALLEY'})}); return r.status; }",
                    List.of(PlatformExtension.platform().service("membership-service").baseUrl() + "/api/v1/", other));
            assertEquals(403, ((Number) crafted).intValue(), "a coordinator of another cluster is refused");
            // Its own cluster: the edit button is there, and it adds a party.
            page.navigate(console + "#/clusters/" + mine);
            assertThat(page.locator("#edit-cluster")).isVisible();
            page.locator("#party-org").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(parties.get(0)));
            page.locator("#party-role").selectOption("COORDINATOR");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the party")).click();
            assertThat(page.locator("#live-status")).containsText("Added: " + parties.get(0) + " is a party of Console Port " + suffix);
            assertThat(page.locator("#party-list")).containsText(parties.get(0) + " — coordinator");
            ConsoleBrowser.axe(page, "cluster page");
        }

        // The secretariat: a fresh browser (no Keycloak session), the inbox, the criteria, review, approve.
        try (BrowserContext context = browser.context()) {
            Page page = context.newPage();
            page.navigate(console);
            ConsoleBrowser.signIn(page, "secretariat", "secretariat");
            page.navigate(console + "#/applications");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Console Port " + suffix)).click();
            assertThat(page.locator("#criteria li.met")).hasCount(4);
            ConsoleBrowser.axe(page, "application under review");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start review")).click();
            assertThat(page.locator("#application-status")).hasText("UNDER_REVIEW");
            page.getByLabel("Effective date (optional)").fill("2024-01-01"); // a member since then: the KPI story's dates
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
            assertThat(page.locator("#application-status")).hasText("APPROVED");
            assertThat(page.locator("#live-status")).containsText("Console Port " + suffix + " is a signatory");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-application.png")).setFullPage(true));
            page.navigate(console + "#/applications?status=APPROVED");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Console Port " + suffix))).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-inbox.png")).setFullPage(true));
        }
        assertEquals(ClusterStatus.SIGNATORY, clusters.getCluster(mine).getStatus());
        // The browser logged one failed request: the crafted call's 403. Nothing else went wrong on the way.
        assertEquals(1, consoleErrors.size(), consoleErrors.toString());
        assertTrue(consoleErrors.get(0).contains("403") && consoleErrors.get(0).contains("/clusters/" + other), consoleErrors.toString());
        consoleErrors.clear();
    }

    @Test
    @Order(2)
    void theCoordinatorReportsAndCorrectsAValueSeenOnTheDashboardAsOfItsDateAndImportsACsvWithOneBadRow() throws Exception {
        Assumptions.assumeTrue(mine != null, "needs the cluster the first story made a signatory");
        try (BrowserContext context = browser.context()) {
            Page page = context.newPage();
            page.navigate(console);
            ConsoleBrowser.signIn(page, coordinator, coordinator);
            page.navigate(console + "#/kpis?clusterId=" + mine);
            assertThat(page.locator("#kpi-reports")).containsText("No value reported yet");
            // units follow the metric
            page.getByLabel("Metric", EXACT).selectOption("JOBS");
            assertThat(page.locator("#kpi-unit option")).hasCount(3);
            page.getByLabel("Metric", EXACT).selectOption("CO2E");
            assertThat(page.locator("#kpi-unit option")).hasCount(4);
            page.getByLabel("Value", EXACT).fill("1.5");
            page.getByLabel("Target year").fill("2030");
            page.getByLabel("Period from").fill("2024-01-01");
            page.getByLabel("Period to").fill("2024-12-31");
            page.getByLabel("Reported on", EXACT).fill("2025-03-01");
            page.getByLabel("Source URL").fill("https://example.org/console-port-2024.pdf");
            page.getByLabel("Reported by").fill("Console Port secretariat");
            ConsoleBrowser.axe(page, "KPI screen");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report").setExact(true)).click();
            assertThat(page.locator("#live-status")).containsText("Reported: 1.5 mt co2e per year");
            assertThat(page.locator("#kpi-reports tbody tr")).hasCount(1);

            // A correction with a reason: the old value stays, the new one stands from its date.
            page.locator("#kpi-reports tbody tr button").click();
            page.getByLabel("Value", EXACT).fill("2.5");
            page.getByLabel("Reported on", EXACT).fill("2025-06-01");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the correction")).click();
            assertThat(page.locator("#error")).containsText("reason"); // refused without a reason, in words
            page.getByLabel("Reason for the correction (required)").fill("The audited figure replaces the estimate");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the correction")).click();
            assertThat(page.locator("#live-status")).containsText("was 1.5, now 2.5");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-kpis.png")).setFullPage(true));

            // On the dashboard, as of a date before the correction the old value, after it the new one.
            String dashboard = PlatformExtension.platform().service("kpi-service").baseUrl() + "/dashboard/#/clusters/" + mine;
            page.navigate(dashboard + "?asOf=2025-04-01");
            page.waitForSelector("body[data-view='cluster'][data-state='ready']");
            assertThat(page.locator("#cluster-figures")).containsText("1.5");
            page.navigate(dashboard + "?asOf=2025-07-01");
            page.reload();
            page.waitForSelector("body[data-view='cluster'][data-state='ready']");
            assertThat(page.locator("#cluster-figures")).containsText("2.5");

            // A CSV with one good and one bad row: progress, then the bad row's line and problem.
            page.navigate(console + "#/kpis?clusterId=" + mine);
            String csv = "cluster,metric,jobs.kind,jobs.effect,jobs.phase,value,unit,periodStart,periodEnd,source.url,reportedBy,confidence\n"
                    + mine + ",JOBS,CREATED,DIRECT,OPERATION,1200,HEADCOUNT,2024-01-01,2024-12-31,https://example.org/jobs.pdf,HR,REPORTED\n"
                    + mine + ",JOBS,CREATED,DIRECT,OPERATION,900,MT_CO2E_PER_YEAR,2024-01-01,2024-12-31,https://example.org/jobs.pdf,HR,REPORTED\n";
            page.locator("#kpi-csv").setInputFiles(new com.microsoft.playwright.options.FilePayload("jobs.csv", "text/csv",
                    csv.getBytes(StandardCharsets.UTF_8)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and import")).click();
            assertThat(page.locator("#kpi-import-state")).containsText("1 row(s) imported, 1 rejected",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
            assertThat(page.locator("#kpi-import-errors tbody tr")).hasCount(1);
            assertThat(page.locator("#kpi-import-errors tbody tr td").first()).hasText("3");
            assertThat(page.locator("#kpi-import-errors")).containsText("not a unit of JOBS");
            assertThat(page.locator("#kpi-import-progress")).isVisible();
            assertThat(page.locator("#kpi-reports tbody tr")).hasCount(2);
            ConsoleBrowser.axe(page, "KPI screen after an import");
        }
        // one failed request: the correction sent without a reason
        assertEquals(1, consoleErrors.size(), consoleErrors.toString());
        assertTrue(consoleErrors.get(0).contains("/corrections"), consoleErrors.toString());
    }

    @Test
    @Order(3)
    void theSecretariatRecordsAPolicyRegistersAPartnerClientAndMergesTwoClustersAfterSeeingTheLineage() throws Exception {
        consoleErrors.clear();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var secretariat = GeneratedClients.membership(PlatformExtension.platform().service("membership-service").baseUrl(),
                PlatformExtension.secretariat());
        ClustersApi clusters = new ClustersApi(secretariat);
        List<String> merging = new java.util.ArrayList<>();
        for (String name : List.of("North Merge " + suffix, "South Merge " + suffix)) {
            String id = clusters.registerCluster(new ClusterRequest().name(name).country("GB").worldRegion(WorldRegion.EUROPE)
                    .type(ClusterType.INDUSTRIAL_COMPLEX).addSectorsItem("chemicals")).getId().toString();
            clusters.recordExistingMembership(UUID.fromString(id), new org.tic.client.membership.model.ExistingMembershipRequest()
                    .joinedYear(2023), null);
            merging.add(id);
        }
        String partner = new OrganizationsApi(secretariat).createOrganization(new OrganizationRequest()
                .name("Console Partner " + suffix).kind(OrganizationKind.COMPANY)).getId().toString();
        try (BrowserContext context = browser.context()) {
            Page page = context.newPage();
            page.navigate(console);
            ConsoleBrowser.signIn(page, "secretariat", "secretariat");

            page.navigate(console + "#/policies");
            page.getByLabel("Country (ISO alpha-2)").fill("NL");
            page.getByLabel("Title", EXACT).fill("Industrial cluster framework " + suffix);
            page.getByLabel("Adopted on").fill("2025-02-01");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record")).click();
            assertThat(page.locator("#live-status")).containsText("Recorded: NL adopted \"Industrial cluster framework " + suffix);
            assertThat(page.locator("#policy-list")).containsText("Industrial cluster framework " + suffix);
            ConsoleBrowser.axe(page, "policy adoptions");

            page.navigate(console + "#/api-clients?organizationId=" + partner);
            page.getByLabel("Name", EXACT).fill("Console partner sync " + suffix);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
            assertThat(page.locator("#client-secret")).containsText("shown this once");
            String clientId = page.locator("#client-id-value").textContent().trim();
            String secret = page.locator("#client-secret-value").textContent().trim();
            assertTrue(PlatformExtension.keycloak().clientToken(clientId, secret).length() > 20, "the secret gets a token");
            ConsoleBrowser.axe(page, "API clients");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rotate secret of Console partner sync " + suffix)).click();
            assertThat(page.locator("#live-status")).containsText("old secret no longer gets tokens");
            assertEquals(401, PlatformExtension.keycloak().tokenResponse(Map.of("grant_type", "client_credentials",
                    "client_id", clientId, "client_secret", secret)).statusCode(), "the old secret is refused");

            // imports across clusters: the coordinator's CSV of the second story is in the secretariat's list
            page.navigate(console + "#/kpis");
            assertThat(page.locator("#kpi-imports tbody tr").first()).containsText("completed");
            ConsoleBrowser.axe(page, "KPI screen of the secretariat");

            page.navigate(console + "#/merges");
            page.getByLabel("North Merge " + suffix).check();
            page.getByLabel("South Merge " + suffix).check();
            page.getByLabel("New cluster: name").fill("United Merge " + suffix);
            page.getByLabel("Effective date").fill("2025-01-01");
            page.getByLabel("Reason", EXACT).fill("The two clusters now run one programme");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview the lineage")).click();
            assertThat(page.locator("#lineage-text")).hasText("North Merge " + suffix + " + South Merge " + suffix + " → United Merge "
                    + suffix + " (new), from 2025-01-01.");
            ConsoleBrowser.axe(page, "merge lineage");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-merge.png")).setFullPage(true));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm the merge")).click();
            assertThat(page.locator("#live-status")).containsText("Merged: North Merge " + suffix + ", South Merge " + suffix
                    + " → United Merge " + suffix + " from 2025-01-01");
        }
        for (String id : merging) {
            assertEquals(ClusterStatus.MERGED, clusters.getCluster(id).getStatus());
        }
        assertTrue(consoleErrors.isEmpty(), consoleErrors.toString());
    }
}
