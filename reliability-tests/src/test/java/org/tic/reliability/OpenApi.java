package org.tic.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The operations of a service's OpenAPI 3 document (as served at /q/openapi?format=json), with $refs resolvable. */
public final class OpenApi {

    public record Param(String name, String in, JsonNode schema, boolean required) {
    }

    public record Operation(String service, String method, String path, List<Param> params, String bodyType, JsonNode bodySchema,
                            Set<Integer> documented, boolean secured) {
        public String key() {
            return method + " " + path;
        }
    }

    private final JsonNode doc;
    private final List<Operation> operations = new ArrayList<>();

    public OpenApi(String service, JsonNode doc) {
        this.doc = doc;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> o = ops.next();
                String method = o.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                JsonNode op = o.getValue();
                List<Param> params = new ArrayList<>();
                for (JsonNode param : op.path("parameters")) {
                    JsonNode resolved = resolve(param);
                    params.add(new Param(resolved.path("name").asText(), resolved.path("in").asText(), resolve(resolved.path("schema")),
                            resolved.path("required").asBoolean(false)));
                }
                String bodyType = null;
                JsonNode bodySchema = null;
                Iterator<Map.Entry<String, JsonNode>> content = op.path("requestBody").path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> c = content.next();
                    bodyType = c.getKey();
                    bodySchema = c.getValue().path("schema");
                }
                Set<Integer> documented = new TreeSet<>();
                op.path("responses").fieldNames().forEachRemaining(code -> {
                    try {
                        documented.add(Integer.parseInt(code));
                    } catch (NumberFormatException ignored) {
                        // "default"
                    }
                });
                boolean secured = false;
                for (JsonNode s : op.path("security")) {
                    for (JsonNode scopes : s) {
                        secured |= scopes.size() > 0;
                    }
                }
                operations.add(new Operation(service, method, p.getKey(), params, bodyType, bodySchema, documented, secured));
            }
        }
    }

    public List<Operation> operations() {
        return operations;
    }

    /** Follows $ref (local ones) and merges the sibling keywords OpenAPI 3.1 allows next to it. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 20 && s != null && s.has("$ref"); i++) {
            String ref = s.path("$ref").asText();
            JsonNode target = doc;
            for (String part : ref.replaceFirst("^#/", "").split("/")) {
                target = target.path(part);
            }
            if (target.isMissingNode()) {
                return s;
            }
            if (s.size() > 1) {
                com.fasterxml.jackson.databind.node.ObjectNode merged = target.deepCopy();
                s.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("$ref") && !merged.has(f.getKey())) {
                        merged.set(f.getKey(), f.getValue());
                    }
                });
                s = merged;
            } else {
                s = target;
            }
        }
        return s;
    }
}
