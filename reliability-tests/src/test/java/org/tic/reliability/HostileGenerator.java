package org.tic.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Turns one OpenAPI operation and a seeded {@link Random} into one hostile request: a plausible request (valid body
 * built from the schema, real ids of existing resources, a valid token) with one kind of damage — wrong types,
 * missing and extra fields, huge strings and numbers, unicode and control characters, SQL and script fragments, deep
 * nesting, malformed JSON, wrong content types, bad paths and ids, bad pagination and sort values, bad tokens. The
 * same seed and index always give the same request.
 */
public final class HostileGenerator {

    public record Request(String service, String operation, String category, String method, String target,
                          List<String[]> headers, byte[] body, String writeTarget) {
        public String describe() {
            String b = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            String t = target.length() > 160 ? target.substring(0, 160) + "…(" + target.length() + " chars)" : target;
            StringBuilder h = new StringBuilder();
            for (String[] header : headers) {
                String v = header[1].length() > 40 ? header[1].substring(0, 40) + "…(" + header[1].length() + ")" : header[1];
                h.append(" [").append(header[0]).append(": ").append(v).append(']');
            }
            return category + ": " + method + " " + t + h + (b.isEmpty() ? "" : " body " + (b.length() > 200 ? b.substring(0, 200)
                    + "…(" + b.length() + " bytes)" : b));
        }
    }

    /** Tokens of every kind of wrong, plus the valid ones. */
    public record Tokens(String secretariat, String partner, String expired, String wrongIssuer, String wrongKey,
                         String algNone, String tampered) {
    }

    static final List<String> HOSTILE_STRINGS = List.of(
            "' OR '1'='1", "'; DROP TABLE cluster; --", "1; select pg_sleep(15)--", "\" OR \"\"=\"", "') OR ('a'='a",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1:1/a}", "{{7*7}}",
            "#{7*7}", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "\u0000", "a\u0000b", "\u0007\u001b[31mred",
            "\r\nX-Injected: 1", "\u202e\u0644\u0639\u0631\u0628\u064a", "👩‍👩‍👧‍👦🏳️‍🌈", "ｆｕｌｌｗｉｄｔｈ", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
            "\uFEFFbom", "\u200b\u200c\u200d", "", " ", "null", "true", "-1", "0", "NaN", "Infinity", "1e309", "%s%s%s%n",
            "\\", "\\\\\\\"", "/", "?", "#", "&", "=", "*", "%", "_", "\t\n\r");
    static final List<String> HOSTILE_NUMBERS = List.of("0", "-1", "-0.0", "2147483648", "-2147483649", "9223372036854775808",
            "1e308", "1e309", "-1e309", "1e-400", "99999999999999999999999999999999999999", "0.000000000000000000000001",
            "1e400000", "123456789012345678901234567890.123456789", "3.4028235E39");
    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz", "application/json; charset=utf-16", "application/json; charset=iso-8859-1",
            "application/vnd.api+json", "*/*", "application/json;;;;", "text/csv", "application/octet-stream", "json", "");

    private final Map<String, String> fixtures;
    private final Tokens tokens;

    /**
     * @param fixtures ids of existing resources by role: organization, cluster, signatory, application, policy, project,
     *                 report, party, slug
     */
    public HostileGenerator(Map<String, String> fixtures, Tokens tokens) {
        this.fixtures = fixtures;
        this.tokens = tokens;
    }

    public Request generate(OpenApi api, OpenApi.Operation op, Random rnd) {
        List<String> categories = new ArrayList<>();
        if (op.bodyType() != null) {
            add(categories, "body", 45);
            add(categories, "malformed-json", 8);
            add(categories, "content-type", 8);
            add(categories, "oversize", 1);
        }
        add(categories, "token", 12);
        add(categories, "path", op.path().contains("{") ? 10 : 2);
        add(categories, "query", op.params().stream().anyMatch(p -> p.in().equals("query")) ? 14 : 2);
        add(categories, "headers", 6);
        add(categories, "method", 3);
        add(categories, "bad-path", 3);
        add(categories, "protocol", 2);
        add(categories, "baseline", 2);
        String category = categories.get(rnd.nextInt(categories.size()));

        String method = op.method();
        Map<String, String> pathValues = new java.util.LinkedHashMap<>();
        for (OpenApi.Param p : op.params()) {
            if (p.in().equals("path")) {
                pathValues.put(p.name(), validPathValue(op, p, api));
            }
        }
        List<String> query = new ArrayList<>();
        for (OpenApi.Param p : op.params()) {
            if (p.in().equals("query") && (p.required() || rnd.nextInt(4) == 0)) {
                query.add(p.name() + "=" + enc(validValue(api.resolve(p.schema()), p.name(), rnd)));
            }
        }
        List<String[]> headers = new ArrayList<>();
        String token = tokens.secretariat();
        String contentType = op.bodyType();
        String accept = "application/json";
        byte[] body = op.bodyType() == null ? null : validBody(api, op, rnd);
        String writeTarget = null;

        switch (category) {
            case "body" -> body = mutateBody(api, op, rnd);
            case "malformed-json" -> body = malformed(op, rnd);
            case "content-type" -> contentType = pick(rnd, CONTENT_TYPES);
            case "oversize" -> body = ("{\"name\":\"" + "x".repeat(1_200_000 + rnd.nextInt(100_000)) + "\"}").getBytes(StandardCharsets.UTF_8);
            case "token" -> token = badToken(rnd);
            case "path" -> {
                if (!pathValues.isEmpty()) {
                    String name = new ArrayList<>(pathValues.keySet()).get(rnd.nextInt(pathValues.size()));
                    pathValues.put(name, badPathValue(rnd));
                }
            }
            case "query" -> query = badQuery(api, op, rnd);
            case "headers" -> {
                switch (rnd.nextInt(5)) {
                    case 0 -> headers.add(new String[]{"If-Match", pick(rnd, List.of("\"999999\"", "*", "W/\"0\"", "garbage",
                            "\"" + "9".repeat(40) + "\"", "\"1\", \"2\", \"x\"", "\"-1\"", "\"" + "x".repeat(3000) + "\"", "\"\u00e9\""))});
                    case 1 -> accept = pick(rnd, List.of("application/xml", "text/html", "image/png", "application/json;q=0",
                            "garbage///", "text/csv"));
                    case 2 -> headers.add(new String[]{"If-None-Match", pick(rnd, List.of("*", "\"0\"", "garbage", "W/\"1\""))});
                    case 3 -> headers.add(new String[]{"X-Forwarded-For", "' OR 1=1 --"});
                    default -> headers.add(new String[]{"Content-Encoding", pick(rnd, List.of("gzip", "br", "deflate", "identity, gzip"))});
                }
            }
            case "method" -> method = pick(rnd, List.of("PATCH", "DELETE", "PUT", "POST", "TRACE", "OPTIONS", "HEAD", "PROPFIND"));
            default -> {
            }
        }
        String path = op.path();
        for (Map.Entry<String, String> e : pathValues.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        if (category.equals("bad-path")) {
            path = badPath(path, rnd);
        }
        String target = query.isEmpty() ? path : path + "?" + String.join("&", query);
        if (category.equals("protocol")) {
            // Not valid HTTP/URI syntax, or beyond the server's request-line / header limits: rejected by the HTTP
            // layer before any application code runs.
            switch (rnd.nextInt(8)) {
                case 0 -> target = path + "/{" + UUID.randomUUID() + "}";
                case 1 -> target = path + "/%ZZ";
                case 2 -> target = path + "%";
                case 3 -> target = path + "/ünïcödé";
                case 4 -> target = path + "?q=" + "w".repeat(5_000);
                case 5 -> headers.add(new String[]{"X-Padding", "p".repeat(30_000)});
                case 6 -> target = path + "/a b";
                default -> headers.add(new String[]{"X-Control", "a\u0001b"});
            }
        }
        if (token != null) {
            headers.add(new String[]{"Authorization", token.startsWith("Basic ") || token.startsWith("bearer") || token.equals("Bearer")
                    || token.startsWith("Bearer ") ? token : "Bearer " + token});
        }
        if (accept != null) {
            headers.add(new String[]{"Accept", accept});
        }
        if (body != null && contentType != null && !contentType.isEmpty()) {
            headers.add(new String[]{"Content-Type", contentType});
        }
        if (!method.equals("GET")) {
            writeTarget = path;
        }
        if (method.equals("GET") || method.equals("HEAD") || method.equals("DELETE") || method.equals("OPTIONS")
                || method.equals("TRACE")) {
            if (!category.equals("method") || op.bodyType() == null) {
                body = method.equals("GET") || method.equals("HEAD") ? null : body;
            }
        }
        return new Request(op.service(), op.key(), category, method, target, headers, body, writeTarget);
    }

    private static void add(List<String> list, String category, int weight) {
        for (int i = 0; i < weight; i++) {
            list.add(category);
        }
    }

    static <T> T pick(Random rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- ids and values -------------------------------------------------------------------------------------------

    private String validPathValue(OpenApi.Operation op, OpenApi.Param p, OpenApi api) {
        JsonNode schema = api.resolve(p.schema());
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asText();
        }
        String path = op.path();
        String name = p.name();
        if (name.equals("partyId")) {
            return fixtures.get("party");
        }
        if (name.equals("clusterId")) {
            return fixtures.get("signatory");
        }
        if (name.equals("key")) {
            return fixtures.get("slug");
        }
        if (path.startsWith("/api/v1/organizations")) {
            return fixtures.get("organization");
        }
        if (path.startsWith("/api/v1/clusters/merges")) {
            return UUID.randomUUID().toString();
        }
        if (path.startsWith("/api/v1/clusters")) {
            return path.endsWith("/existing-membership") || path.endsWith("/withdraw") ? fixtures.get("cluster") : fixtures.get("signatory");
        }
        if (path.startsWith("/api/v1/applications")) {
            return fixtures.get("application");
        }
        if (path.startsWith("/api/v1/policy-adoptions")) {
            return fixtures.get("policy");
        }
        if (path.startsWith("/api/v1/projects")) {
            return fixtures.get("project");
        }
        if (path.startsWith("/api/v1/kpi-reports")) {
            return fixtures.get("report");
        }
        return UUID.randomUUID().toString();
    }

    private String fixtureFor(String field) {
        String f = field.toLowerCase();
        if (f.contains("organization")) {
            return fixtures.get("organization");
        }
        if (f.contains("project")) {
            return fixtures.get("project");
        }
        if (f.contains("cluster") || f.contains("predecessor") || f.contains("successor") || f.contains("origin")
                || f.contains("destination")) {
            return fixtures.get("signatory");
        }
        return null;
    }

    String validValue(JsonNode schema, String field, Random rnd) {
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            JsonNode e = schema.path("enum");
            return e.get(rnd.nextInt(e.size())).asText();
        }
        if (schema.has("examples") && schema.path("examples").size() > 0) {
            return schema.path("examples").get(0).asText();
        }
        String type = type(schema);
        String format = schema.path("format").asText("");
        if (format.equals("uuid")) {
            String f = fixtureFor(field);
            return f != null ? f : UUID.randomUUID().toString();
        }
        if (format.equals("date")) {
            return "2024-0" + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(10);
        }
        if (format.equals("date-time")) {
            return "2024-01-15T10:00:00Z";
        }
        return switch (type) {
            case "integer" -> field.equals("size") ? "20" : field.equals("page") ? "0" : String.valueOf(
                    schema.has("minimum") ? schema.path("minimum").asLong() : 1);
            case "number" -> schema.has("minimum") ? schema.path("minimum").asText() : "1.5";
            case "boolean" -> "true";
            default -> field.equals("country") ? "GB" : "text " + rnd.nextInt(1000);
        };
    }

    static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!x.asText().equals("null")) {
                    return x.asText();
                }
            }
        }
        if (t.isTextual()) {
            return t.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "string";
    }

    // ---- bodies -----------------------------------------------------------------------------------------------------

    private byte[] validBody(OpenApi api, OpenApi.Operation op, Random rnd) {
        if (op.bodyType().contains("csv")) {
            return csv(rnd, false).getBytes(StandardCharsets.UTF_8);
        }
        return build(api, op.bodySchema(), "body", rnd, 0).toString().getBytes(StandardCharsets.UTF_8);
    }

    JsonNode build(OpenApi api, JsonNode rawSchema, String field, Random rnd, int depth) {
        JsonNode schema = api.resolve(rawSchema);
        for (String combo : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combo) && schema.path(combo).size() > 0) {
                return build(api, schema.path(combo).get(0), field, rnd, depth);
            }
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        String type = type(schema);
        switch (type) {
            case "object" -> {
                ObjectNode o = f.objectNode();
                if (depth > 4) {
                    return o;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    o.set(p.getKey(), build(api, p.getValue(), p.getKey(), rnd, depth + 1));
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = f.arrayNode();
                if (depth <= 4) {
                    a.add(build(api, schema.path("items"), field, rnd, depth + 1));
                }
                return a;
            }
            case "integer" -> {
                return f.numberNode(Long.parseLong(validValue(schema, field, rnd).replaceAll("\\..*", "").replaceAll("[^0-9-]", "1")));
            }
            case "number" -> {
                return f.numberNode(new java.math.BigDecimal(validValue(schema, field, rnd)));
            }
            case "boolean" -> {
                return f.booleanNode(rnd.nextBoolean());
            }
            default -> {
                String v = validValue(schema, field, rnd);
                if (schema.has("pattern") && schema.path("pattern").asText().startsWith("https?")) {
                    v = "https://example.org/" + rnd.nextInt(1000);
                }
                return f.textNode(v);
            }
        }
    }

    private byte[] mutateBody(OpenApi api, OpenApi.Operation op, Random rnd) {
        if (op.bodyType().contains("csv")) {
            return csv(rnd, true).getBytes(StandardCharsets.UTF_8);
        }
        JsonNode body = build(api, op.bodySchema(), "body", rnd, 0);
        if (!body.isObject()) {
            return body.toString().getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode root = (ObjectNode) body;
        int mutations = 1 + rnd.nextInt(3);
        // Values JSON trees cannot hold (or write) are put in as placeholders and spliced in as raw text.
        Map<String, String> raw = new java.util.LinkedHashMap<>();
        for (int i = 0; i < mutations; i++) {
            List<ObjectNode> holders = new ArrayList<>();
            collectObjects(root, holders);
            ObjectNode target = holders.get(rnd.nextInt(holders.size()));
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() ? "name" : names.get(rnd.nextInt(names.size()));
            JsonNodeFactory f = JsonNodeFactory.instance;
            String placeholder = "§RAW" + i + "§";
            switch (rnd.nextInt(11)) {
                case 0 -> target.remove(name);                                        // missing (maybe required) field
                case 1 -> target.put("unexpected" + rnd.nextInt(100), pick(rnd, HOSTILE_STRINGS)); // extra field
                case 2 -> target.set(name, wrongType(target.get(name), rnd));        // wrong type
                case 3 -> target.put(name, "x".repeat(1 + rnd.nextInt(200_000)));    // huge string
                case 4 -> {                                                          // huge / odd number
                    target.put(name, placeholder);
                    raw.put(placeholder, pick(rnd, HOSTILE_NUMBERS));
                }
                case 5 -> target.put(name, pick(rnd, HOSTILE_STRINGS));              // unicode, control, SQL, script
                case 6 -> {                                                          // deep nesting
                    int depth = 200 + rnd.nextInt(5000);
                    target.put(name, placeholder);
                    raw.put(placeholder, rnd.nextBoolean() ? "[".repeat(depth) + "1" + "]".repeat(depth)
                            : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
                }
                case 7 -> target.putNull(name);
                case 8 -> {                                                          // lone surrogate (JSON escape)
                    target.put(name, placeholder);
                    raw.put(placeholder, "\"a\\ud800b\"");
                }
                case 9 -> target.set(name, f.arrayNode().add(target.get(name) == null ? f.nullNode() : target.get(name)));
                default -> target.put(name, UUID.randomUUID().toString());           // an id of nothing
            }
        }
        String json = root.toString();
        for (Map.Entry<String, String> r : raw.entrySet()) {
            json = json.replace("\"" + r.getKey() + "\"", r.getValue());
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode o) {
            out.add(o);
        }
        node.forEach(child -> collectObjects(child, out));
    }

    private static JsonNode wrongType(JsonNode current, Random rnd) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (current == null || current.isTextual()) {
            return rnd.nextBoolean() ? f.numberNode(rnd.nextInt()) : f.objectNode().put("x", 1);
        }
        if (current.isNumber()) {
            return rnd.nextBoolean() ? f.textNode("twelve") : f.booleanNode(true);
        }
        if (current.isArray()) {
            return rnd.nextBoolean() ? f.objectNode() : f.textNode("not a list");
        }
        if (current.isObject()) {
            return rnd.nextBoolean() ? f.arrayNode().add(1) : f.textNode("not an object");
        }
        return f.arrayNode();
    }

    private byte[] malformed(OpenApi.Operation op, Random rnd) {
        String s = switch (rnd.nextInt(14)) {
            case 0 -> "{\"name\": \"unterminated";
            case 1 -> "{'name': 'single quotes'}";
            case 2 -> "{\"name\": \"x\",}";
            case 3 -> "{\"name\": \"x\" /* comment */}";
            case 4 -> "\uFEFF{\"name\": \"bom\"}";
            case 5 -> "";
            case 6 -> "null";
            case 7 -> "[]";
            case 8 -> "\"just a string\"";
            case 9 -> "12345";
            case 10 -> "[".repeat(50_000) + "]".repeat(50_000);
            case 11 -> "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000);
            case 12 -> "{\"name\": \"dup\", \"name\": \"dup2\"}";
            default -> "\u0000\u0001\u0002garbage\u00ff";
        };
        return s.getBytes(rnd.nextInt(10) == 0 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
    }

    private static String csv(Random rnd, boolean hostile) {
        String header = "cluster,metric,value,unit,periodStart,periodEnd,reportedBy,confidence,source.url";
        String unknown = UUID.randomUUID().toString();
        String row = unknown + ",CO2E,1,MT_CO2E_PER_YEAR,2024-01-01,2024-12-31,fuzz,REPORTED,https://example.org";
        if (!hostile) {
            return header + "\n" + row + "\n";
        }
        return switch (rnd.nextInt(8)) {
            case 0 -> "not,a,known,header\n1,2,3,4\n";
            case 1 -> "";
            case 2 -> header + "\n" + unknown + ",\"unterminated,1\n";
            case 3 -> header + "\n" + (unknown + "," + pick(rnd, HOSTILE_STRINGS) + ",1e400000,MT,2024-13-45,x,y,z,\"a\"\"b\"\n").repeat(3);
            case 4 -> "\u0000\u0001\u0002\u00ff\u00fe";
            case 5 -> header.replace(",", ";") + "\n";
            case 6 -> header + "\n" + (unknown + ",JOBS,-1,MT_CO2E_PER_YEAR,2030-01-01,2020-01-01,,VERIFIED,javascript:alert(1)\n").repeat(50);
            default -> header + "," + "x".repeat(10_000) + "\n" + row + "\n";
        };
    }

    // ---- tokens, paths, queries --------------------------------------------------------------------------------

    private String badToken(Random rnd) {
        return switch (rnd.nextInt(14)) {
            case 0 -> null;
            case 1 -> "garbage";
            case 2 -> "a.b.c";
            case 3 -> tokens.expired();
            case 4 -> tokens.wrongIssuer();
            case 5 -> tokens.wrongKey();
            case 6 -> tokens.algNone();
            case 7 -> tokens.tampered();
            case 8 -> tokens.partner();
            case 9 -> "Basic dXNlcjpwYXNzd29yZA==";
            case 10 -> "Bearer";
            case 11 -> "x".repeat(6_000);
            case 12 -> "bearer " + tokens.secretariat().substring(0, tokens.secretariat().length() - 5) + "AAAAA";
            default -> "eyJhbGciOiJSUzI1NiJ9." + "\u00e9\u00e8" + ".sig";
        };
    }

    private static String badPathValue(Random rnd) {
        return switch (rnd.nextInt(16)) {
            case 0, 1 -> UUID.randomUUID().toString();
            case 2 -> "not-a-uuid";
            case 3 -> "1";
            case 4 -> "-1";
            case 5 -> enc("' OR 1=1--");
            case 6 -> "%00";
            case 7 -> "..%2F..%2Fetc%2Fpasswd";
            case 8 -> "x".repeat(300 + rnd.nextInt(2000));
            case 9 -> enc("%ZZ");
            case 10 -> "%E2%80%AE" + enc("👩‍👩‍👧");
            case 11 -> UUID.randomUUID().toString().toUpperCase();
            case 12 -> enc("{" + UUID.randomUUID() + "}");
            case 13 -> enc("<script>alert(1)</script>");
            case 14 -> "00000000-0000-0000-0000-000000000000";
            default -> "%20";
        };
    }

    private static String badPath(String path, Random rnd) {
        return switch (rnd.nextInt(12)) {
            case 0 -> path + "/";
            case 1 -> path.replace("/", "//");
            case 2 -> path + "/nope";
            case 3 -> path.replace("/api/v1", "/api/v2");
            case 4 -> "/api/v1/%2e%2e/%2e%2e/q/health";
            case 5 -> path + "/" + "y".repeat(3_000);
            case 6 -> path + ";jsessionid=1";
            case 7 -> path + "%25";
            case 8 -> "/api/v1/" + enc("ünïcödé") + "/x";
            case 9 -> path.toUpperCase();
            case 10 -> path + "/..;/..;/q/metrics";
            default -> "/api/v1/nothing-here";
        };
    }

    private List<String> badQuery(OpenApi api, OpenApi.Operation op, Random rnd) {
        List<String> q = new ArrayList<>();
        List<OpenApi.Param> params = op.params().stream().filter(p -> p.in().equals("query")).toList();
        if (params.isEmpty() || rnd.nextInt(6) == 0) {
            q.add(pick(rnd, List.of("foo=bar", "page=-1", "size=100000", "sort=%27%3B", "x=" + "z".repeat(3000))));
            return q;
        }
        int n = 1 + rnd.nextInt(Math.min(3, params.size()));
        for (int i = 0; i < n; i++) {
            OpenApi.Param p = params.get(rnd.nextInt(params.size()));
            q.add(p.name() + "=" + enc(badQueryValue(api, p, rnd)));
        }
        if (rnd.nextInt(5) == 0) {
            OpenApi.Param p = params.get(rnd.nextInt(params.size()));
            q.add(p.name() + "=" + enc(validValue(api.resolve(p.schema()), p.name(), rnd)));
        }
        return q;
    }

    private static String badQueryValue(OpenApi api, OpenApi.Param p, Random rnd) {
        if (p.name().equals("page") || p.name().equals("size")) {
            return pick(rnd, List.of("-1", "0", "201", "100000", "2147483647", "2147483648", "99999999999999999999", "1.5", "abc",
                    "", "0x10", " 1", "1e3"));
        }
        if (p.name().equals("sort")) {
            return pick(rnd, List.of("nope", "-", "--name", "name,-name", "name;drop table cluster", "createdAt,id", "NAME",
                    "+name", ",", "password", "version", "id desc", "1", "name)", "(select 1)", "-" + "x".repeat(500)));
        }
        JsonNode schema = api.resolve(p.schema());
        String format = schema.path("format").asText("");
        if (schema.has("enum")) {
            return pick(rnd, List.of("NOPE", schema.path("enum").get(0).asText().toLowerCase(), "' OR 1=1", "", "🙂"));
        }
        if (format.equals("uuid")) {
            return pick(rnd, List.of("xyz", "1", "00000000-0000-0000-0000-00000000000g", "", "' OR 1=1"));
        }
        if (format.equals("date")) {
            return pick(rnd, List.of("2024-13-45", "yesterday", "99999-01-01", "2024-02-30", "0000-00-00", "-999999999-01-01",
                    "+999999999-12-31", "2024-1-1", ""));
        }
        return switch (type(schema)) {
            case "integer", "number" -> pick(rnd, HOSTILE_NUMBERS.subList(0, 12)) + (rnd.nextBoolean() ? "" : "abc");
            case "boolean" -> pick(rnd, List.of("maybe", "1", "yes", "", "TRUE "));
            default -> rnd.nextInt(8) == 0 ? "q".repeat(1_200) : pick(rnd, HOSTILE_STRINGS);
        };
    }
}
