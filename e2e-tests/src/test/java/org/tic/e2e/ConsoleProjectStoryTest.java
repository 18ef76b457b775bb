package org.tic.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tic.client.membership.api.ClustersApi;
import org.tic.client.membership.model.ClusterRequest;
import org.tic.client.membership.model.ClusterType;
import org.tic.client.membership.model.ExistingMembershipRequest;
import org.tic.client.membership.model.WorldRegion;
import org.tic.client.project.ApiException;
import org.tic.client.project.api.ClustersReadModelApi;
import org.tic.client.project.api.ProjectsApi;
import org.tic.client.project.api.StagesApi;
import org.tic.client.project.model.Project;
import org.tic.client.project.model.Stage;
import org.tic.client.project.model.StageTransition;
import org.tic.devinfra.client.GeneratedClients;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's project screens in Debian's headless Chromium against the packaged services and Keycloak: the
 * coordinator of a signatory cluster signs in, creates a project, adds a milestone and marks it done, completes one
 * readiness item, and moves the project CONCEPT → FEASIBILITY → FEED → BANKABLE → FID; the move to BANKABLE is refused
 * while the checklist is incomplete (the blocking items are listed) and goes through with an override and its reason,
 * which the stage history shows. axe-core checks each screen; screenshot target/console-screenshots/console-project.png.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleProjectStoryTest {

    private ConsoleBrowser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCoordinatorTakesAProjectToFidWithAReadinessOverride() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var platform = PlatformExtension.platform();
        ClustersApi clusters = new ClustersApi(GeneratedClients.membership(platform.service("membership-service").baseUrl(),
                PlatformExtension.secretariat()));
        UUID mine = clusters.registerCluster(new ClusterRequest().name("Project Port " + suffix).country("NL")
                .worldRegion(WorldRegion.EUROPE).type(ClusterType.PORT).addSectorsItem("hydrogen")).getId();
        clusters.recordExistingMembership(mine, new ExistingMembershipRequest().joinedYear(2023)
                .reason("Signatory before the platform"), null); // a signatory may lead projects
        var projectClient = GeneratedClients.project(platform.service("project-service").baseUrl(), PlatformExtension.secretariat());
        ClustersReadModelApi projectClusters = new ClustersReadModelApi(projectClient);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(ApiException.class)
                .until(() -> "SIGNATORY".equals(projectClusters.getCluster(mine).getStatus()));
        String coordinator = "projects-" + suffix;
        PlatformExtension.keycloak().ensureUser(coordinator, "cluster-coordinator", Map.of("clusters", List.of(mine.toString())));
        String name = "Port hydrogen hub " + suffix;
        String overrideReason = "Lenders' term sheet signed; checklist being completed " + suffix;
        String projectId;

        try (BrowserContext context = browser.context()) {
            Page page = context.newPage();
            page.navigate(browser.console);
            ConsoleBrowser.signIn(page, coordinator, coordinator);

            // The list (none yet) and the new-project form, led by its cluster.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Projects and their stages")).click();
            assertThat(page.locator("#view-title")).hasText("Projects");
            assertThat(page.locator("#project-list")).containsText("No project yet");
            assertThat(page.locator("#project-lead option")).hasText("Project Port " + suffix);
            ConsoleBrowser.axe(page, "projects list");
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
            page.getByLabel("Category").selectOption("HYDROGEN_AND_DERIVATIVES");
            page.getByLabel("Description (optional)").fill("Electrolysis and ammonia import terminal");
            page.locator("#create-project").click();
            assertThat(page.locator("#view-title")).hasText(name);
            assertThat(page.locator("#live-status")).containsText("Project created: " + name + ", led by Project Port " + suffix);
            projectId = page.url().replaceAll(".*#/projects/", "");
            assertThat(page.locator("#lead-cluster-link")).hasAttribute("href", "#/clusters/" + mine);
            assertThat(page.locator("#project-stage-now")).hasAttribute("data-stage", "CONCEPT");
            ConsoleBrowser.axe(page, "project page");

            // A milestone: planned, then done.
            page.getByLabel("Milestone", new Page.GetByLabelOptions().setExact(true)).selectOption("FEASIBILITY_COMPLETE");
            page.getByLabel("Planned date").fill("2024-06-01");
            page.locator("#add-milestone").click();
            assertThat(page.locator("#live-status")).containsText("Milestone added: feasibility complete, planned 2024-06-01");
            page.locator("button.mark-done[data-milestone=FEASIBILITY_COMPLETE]").click();
            assertThat(page.locator("#live-status")).containsText("Milestone feasibility complete done on");
            assertThat(page.locator("#milestones tr[data-milestone=FEASIBILITY_COMPLETE]")).containsText("Achieved");

            // One readiness item complete, with its evidence.
            page.getByLabel("Item", new Page.GetByLabelOptions().setExact(true)).selectOption("BUSINESS_MODEL");
            page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true)).selectOption("COMPLETE");
            page.getByLabel("Evidence", new Page.GetByLabelOptions().setExact(true)).fill("Contract for difference awarded");
            page.locator("#save-readiness").click();
            assertThat(page.locator("#live-status")).containsText("is now complete");
            assertThat(page.locator("#readiness tr[data-item=BUSINESS_MODEL]")).containsText("Done");

            // CONCEPT → FEASIBILITY → FEED, one stage at a time.
            move(page, "FEASIBILITY");
            move(page, "FEED");

            // BANKABLE: the checklist blocks it; the service refuses without the override.
            page.getByLabel("Next stage", new Page.GetByLabelOptions().setExact(true)).selectOption("BANKABLE");
            assertThat(page.locator("#readiness-block")).isVisible();
            assertThat(page.locator("#blocking-items li")).hasCount(6);
            assertThat(page.locator("#blocking-items li[data-item=BUSINESS_MODEL]")).hasCount(0);
            ConsoleBrowser.axe(page, "move to bankable with the override");
            page.locator("#move-stage").click();
            assertThat(page.locator("#error")).isVisible();
            assertThat(page.locator("#error")).containsText("readiness");
            assertThat(page.locator("#project-stage-now")).hasAttribute("data-stage", "FEED");
            page.getByLabel("Override the readiness checklist").check();
            page.getByLabel("Reason for the override").fill(overrideReason);
            page.locator("#move-stage").click();
            assertThat(page.locator("#live-status")).containsText("overriding the readiness checklist: " + overrideReason);
            assertThat(page.locator("#project-stage-now")).hasAttribute("data-stage", "BANKABLE");

            // FID: no checklist gate; the FID date is set by the move.
            move(page, "FID");
            assertThat(page.locator("#project-fid-date")).not().hasText("–");
            assertThat(page.locator("#stage-history tbody tr")).hasCount(5);
            assertThat(page.locator("#stage-history tr[data-to=BANKABLE]")).containsText("Readiness override: " + overrideReason);
            ConsoleBrowser.axe(page, "project at FID");
            ConsoleBrowser.screenshot(page, "console-project.png");

            // Back on the list: the project, its stage and lead cluster.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Projects")).click();
            assertThat(page.locator("#project-list tr[data-project=\"" + projectId + "\"]")).containsText("Project Port " + suffix);
            assertThat(page.locator("#project-list tr[data-project=\"" + projectId + "\"] .badge")).not().hasText("Concept");
            ConsoleBrowser.axe(page, "projects list with a project");
        }

        // Through the API: at FID, with the override recorded on the move to BANKABLE.
        Project stored = new ProjectsApi(projectClient).getProject(UUID.fromString(projectId));
        assertEquals(Stage.FID, stored.getStage());
        assertEquals(mine, stored.getLeadClusterId());
        assertNotNull(stored.getFidDate());
        List<StageTransition> history = new StagesApi(projectClient).listStageHistory(stored.getId(), null, null, 100).getItems();
        StageTransition bankable = history.stream().filter(t -> t.getTo() == Stage.BANKABLE).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, bankable.getReadinessOverride());
        assertEquals(overrideReason, bankable.getOverrideReason());
        // The browser logged one failed request: the refused move to BANKABLE (422). Nothing else went wrong.
        assertEquals(1, browser.consoleErrors.size(), browser.consoleErrors.toString());
        assertTrue(browser.consoleErrors.get(0).contains("422"), browser.consoleErrors.toString());
    }

    private static void move(Page page, String stage) {
        page.getByLabel("Next stage", new Page.GetByLabelOptions().setExact(true)).selectOption(stage);
        assertThat(page.locator("#readiness-block")).isHidden();
        page.locator("#move-stage").click();
        assertThat(page.locator("#project-stage-now")).hasAttribute("data-stage", stage);
        assertThat(page.locator("#live-status")).containsText("Moved ");
    }
}
