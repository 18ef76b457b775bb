package org.tic.devinfra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's AsyncAPI 3 document as a contract: which CloudEvents types it documents, and whether an event's data
 * (or a documented example) matches the message's payload schema.
 */
public final class AsyncApiContract {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonSchema> schemasByType = new LinkedHashMap<>();
    private final Map<String, List<JsonNode>> examplesByType = new LinkedHashMap<>();

    private AsyncApiContract(JsonNode doc) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonNode messages = doc.path("components").path("messages");
        for (Iterator<Map.Entry<String, JsonNode>> it = messages.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> message = it.next();
            String type = message.getValue().path("name").asText();
            // Resolve the payload inside a copy of the document, so #/components/schemas/... references work.
            ObjectNode wrapper = JSON.createObjectNode();
            wrapper.put("$ref", "#/components/messages/" + message.getKey() + "/payload");
            wrapper.set("components", doc.path("components"));
            schemasByType.put(type, factory.getSchema(wrapper));
            List<JsonNode> examples = new ArrayList<>();
            message.getValue().path("examples").forEach(e -> examples.add(e.path("payload")));
            examplesByType.put(type, examples);
        }
    }

    public static AsyncApiContract load(InputStream yaml) {
        try (yaml) {
            return new AsyncApiContract(YAML.readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<String> documentedTypes() {
        return schemasByType.keySet();
    }

    /** Problems of one event's data; empty when it matches. An undocumented type is a problem too. */
    public List<String> violations(String type, String data) {
        JsonSchema schema = schemasByType.get(type);
        if (schema == null) {
            return List.of("event type " + type + " is not documented");
        }
        try {
            return messages(schema.validate(JSON.readTree(data)));
        } catch (IOException e) {
            return List.of("data is not JSON: " + e.getMessage());
        }
    }

    /** Problems of the documented examples, by type; every type must have at least one example. */
    public Map<String, List<String>> exampleViolations() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        examplesByType.forEach((type, examples) -> {
            List<String> problems = new ArrayList<>();
            if (examples.isEmpty()) {
                problems.add("no example");
            }
            for (JsonNode example : examples) {
                problems.addAll(messages(schemasByType.get(type).validate(example)));
            }
            if (!problems.isEmpty()) {
                result.put(type, problems);
            }
        });
        return result;
    }

    private static List<String> messages(Set<ValidationMessage> errors) {
        return errors.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
