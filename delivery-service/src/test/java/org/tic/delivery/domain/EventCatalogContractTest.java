package org.tic.delivery.domain;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The catalog the filters check against is exactly what the three AsyncAPI documents publish. */
class EventCatalogContractTest {

    private static final Pattern MESSAGE_NAME = Pattern.compile("(?m)^\\s+name:\\s+(tic\\.[a-z.-]+\\.v\\d+)\\s*$");

    @Test
    void theCatalogListsEveryPublishedTypeAndNoOther() throws Exception {
        Set<String> published = new TreeSet<>();
        for (String service : List.of("membership-service", "project-service", "kpi-service")) {
            Path doc = Path.of("..", service, "src/main/resources/META-INF/resources/asyncapi.yaml");
            Matcher m = MESSAGE_NAME.matcher(Files.readString(doc));
            while (m.find()) {
                published.add(m.group(1));
            }
        }
        assertEquals(published, new TreeSet<>(EventCatalog.TYPES));
    }
}
