package org.tic.kpi;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tic.kpi.mapping.CsvReader;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.tic.kpi.Api.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The 30 member clusters named in public sources (shared/data/tic-clusters.csv), published as membership events
 * with their joining year: the summary for 2025-01-22 counts them by the joinedYear rule, beside the initiative's
 * published 33 clusters in 16 countries.
 */
@QuarkusTest
class DemoDataTest {

    private record Member(String name, String country, Integer year) {
    }

    @BeforeEach
    void emptyReadModels() {
        Db.reset();
    }

    @Test
    void theSummaryFor20250122CountsTheMemberRecordsBesideThePublishedFigures() throws Exception {
        List<Member> members = members();
        assertEquals(30, members.size());
        for (Member m : members) {
            UUID id = UUID.randomUUID();
            CloudEvents.send(Fixtures.MEMBERSHIP, id.toString(), "tic.membership.cluster.joined.v1", Map.of("cluster",
                    CloudEvents.cluster(id, m.name(), m.country(), "EUROPE", "INDUSTRIAL_COMPLEX", List.of(), "SIGNATORY",
                            null, m.year(), null, 2)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Db.count("select count(*) from cluster_status_period where status = 'SIGNATORY'") == 30);

        // Joined by 2025 (counted from 1 January of their year); the one without a known year counts from when recorded.
        List<Member> by2025 = members.stream().filter(m -> m.year() != null && m.year() <= 2025).toList();
        Set<String> countries = new TreeSet<>();
        by2025.forEach(m -> countries.add(m.country()));
        given().get("/api/v1/initiative/summary?asOf=2025-01-22").then().statusCode(200)
                .body("signatoryClusters", equalTo(by2025.size()))
                .body("countries", equalTo(countries.size()))
                .body("signatoriesWithYearOnlyJoinDate", equalTo(by2025.size()))
                .body("published.asOf", equalTo("2025-01-22"))
                .body("published.clusters", equalTo(33))
                .body("published.countries", equalTo(16))
                .body("published.gap.clusters", equalTo(by2025.size() - 33))
                .body("published.gap.countries", equalTo(countries.size() - 16));
        given().get("/api/v1/initiative/summary?asOf=2021-12-31").then()
                .body("signatoryClusters", equalTo(4))
                .body("countries", equalTo(3))
                .body("published.clusters", equalTo(4));
        given().get("/api/v1/initiative/summary").then().body("signatoryClusters", equalTo(30));
    }

    private static List<Member> members() throws Exception {
        Map<String, String> iso = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            iso.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH), code);
        }
        List<Member> members = new ArrayList<>();
        try (var in = DemoDataTest.class.getResourceAsStream("/demo/tic-clusters.csv")) {
            CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8), 2000);
            List<String> header = csv.next().fields();
            for (CsvReader.Row r = csv.next(); r != null; r = csv.next()) {
                if (r.blank()) {
                    continue;
                }
                String country = r.fields().get(header.indexOf("country"));
                String year = r.fields().get(header.indexOf("joined_year"));
                String code = iso.get(country);
                if (code == null) {
                    throw new AssertionError("no ISO code for " + country);
                }
                members.add(new Member(r.fields().get(0), code, year.isBlank() ? null : Integer.valueOf(year)));
            }
        }
        return members;
    }

    private static void assertEquals(int expected, int actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}
