package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One rendered Kubernetes object, as a JSON tree. */
public record Manifest(String apiVersion, String kind, String name, String namespace, ObjectNode tree) {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** Splits a multi-document YAML stream (as kubectl kustomize prints it) into objects. */
    public static List<Manifest> parseAll(String yaml) {
        List<Manifest> result = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (it.hasNextValue()) {
                JsonNode node = it.nextValue();
                if (node == null || node.isNull() || node.isMissingNode() || node.isEmpty()) {
                    continue;
                }
                if (!(node instanceof ObjectNode object)) {
                    throw new IllegalArgumentException("A YAML document is not an object: " + node);
                }
                result.add(of(object));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Unparseable YAML: " + e.getMessage(), e);
        }
        return result;
    }

    public static Manifest of(ObjectNode tree) {
        JsonNode meta = tree.path("metadata");
        return new Manifest(tree.path("apiVersion").asText(""), tree.path("kind").asText(""),
                meta.path("name").asText(""), meta.hasNonNull("namespace") ? meta.get("namespace").asText() : null,
                tree);
    }

    public String id() {
        return kind + "/" + name;
    }

    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public JsonNode spec() {
        return tree.path("spec");
    }

    public Map<String, String> labels() {
        return stringMap(tree.path("metadata").path("labels"));
    }

    /** The pod template's labels of a workload. */
    public Map<String, String> podLabels() {
        return stringMap(spec().path("template").path("metadata").path("labels"));
    }

    public static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    @Override
    public String toString() {
        return id();
    }
}
