package org.tic.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offline schema check of rendered objects. Kubernetes kinds and Strimzi's resources are read strictly into
 * their typed models (fabric8 kubernetes-model, Strimzi api): an unknown or misspelt field, a wrong type
 * (a string where an integer belongs, a list where an object belongs) or an unknown enum value fails, with
 * its path. The models keep unknown fields in an "additionalProperties" map through a Jackson any-setter;
 * this mapper turns that off, so unknown fields are errors as the API server's strict field validation
 * makes them. Kinds without a Java model (CloudNativePG, Barman Cloud, Prometheus Operator) are checked
 * against the shapes in {@link CrdShapes}. Any other kind is refused: a new kind needs a schema here first.
 */
public final class SchemaValidator {

    private static final Map<String, Class<?>> MODELS = new LinkedHashMap<>();

    static {
        model("v1", "Namespace", io.fabric8.kubernetes.api.model.Namespace.class);
        model("v1", "ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class);
        model("v1", "ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class);
        model("v1", "Secret", io.fabric8.kubernetes.api.model.Secret.class);
        model("v1", "Service", io.fabric8.kubernetes.api.model.Service.class);
        model("apps/v1", "Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class);
        model("autoscaling/v2", "HorizontalPodAutoscaler",
                io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class);
        model("policy/v1", "PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class);
        model("networking.k8s.io/v1", "NetworkPolicy",
                io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class);
        model("kafka.strimzi.io/v1", "Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class);
        model("kafka.strimzi.io/v1", "KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class);
        model("kafka.strimzi.io/v1", "KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class);
        model("kafka.strimzi.io/v1", "KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class);
    }

    private static void model(String apiVersion, String kind, Class<?> type) {
        MODELS.put(apiVersion + " " + kind, type);
    }

    private final ObjectMapper strict;

    public SchemaValidator() {
        strict = JsonMapper.builder()
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated a) {
                        return Boolean.FALSE;
                    }

                    @Override
                    @SuppressWarnings("deprecation")
                    public boolean hasAnySetterAnnotation(com.fasterxml.jackson.databind.introspect.AnnotatedMethod am) {
                        return false;
                    }
                })
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .build();
        // Kubernetes refuses 8081 where a string belongs (env values, ConfigMap data, annotations).
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    public static Set<String> knownKinds() {
        Set<String> kinds = new java.util.TreeSet<>(MODELS.keySet());
        kinds.addAll(CrdShapes.kinds());
        return kinds;
    }

    public List<Violation> validate(List<Manifest> manifests) {
        List<Violation> violations = new ArrayList<>();
        for (Manifest m : manifests) {
            violations.addAll(validate(m));
        }
        return violations;
    }

    public List<Violation> validate(Manifest m) {
        List<Violation> violations = new ArrayList<>();
        if (m.name().isBlank()) {
            violations.add(new Violation("schema", m.id(), "metadata.name is missing"));
        } else if (!m.name().matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?") || m.name().length() > 253) {
            violations.add(new Violation("schema", m.id(), "metadata.name is not a DNS subdomain name"));
        }
        String key = m.apiVersion() + " " + m.kind();
        Class<?> type = MODELS.get(key);
        if (type != null) {
            try {
                strict.treeToValue(m.tree(), type);
            } catch (JsonMappingException e) {
                violations.add(new Violation("schema", m.id(), "does not match " + key + " at "
                        + path(e) + ": " + e.getOriginalMessage().lines().findFirst().orElse("")));
            } catch (Exception e) {
                violations.add(new Violation("schema", m.id(), "does not match " + key + ": " + e.getMessage()));
            }
        } else if (CrdShapes.kinds().contains(key)) {
            violations.addAll(CrdShapes.check(m));
        } else {
            violations.add(new Violation("schema", m.id(), "no schema for apiVersion " + m.apiVersion()
                    + " kind " + m.kind() + " (known: " + knownKinds() + ")"));
        }
        return violations;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(root)" : sb.toString();
    }

    /** For tests: the strict mapper reads this node into the model class of its kind. */
    Object read(JsonNode node, Class<?> type) throws Exception {
        return strict.treeToValue(node, type);
    }
}
