package io.clickgive.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests, checked offline (no cluster, no kustomize binary): they parse; every kustomization names
 * files that exist and patches paths that exist in the resources it patches; the app has probes, resources and a
 * pinned image; the data stores' images are pinned; the HPA, PDB, Service and Ingress point at what exists; and no
 * secret value is written in the repository.
 */
class ManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(key|password|secret|token).*");
    private static final Pattern PINNED_TAG = Pattern.compile("[^:@/]+(/[^:@/]+)*:(?!latest$)[\\w][\\w.-]*");

    record Doc(Path file, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }
    }

    @Test
    void everyManifestParsesAndNamesItsKind() throws IOException {
        List<Doc> docs = all();
        assertTrue(docs.size() >= 12, "manifests found: " + docs.size());
        for (Doc doc : docs) {
            assertFalse(doc.node.path("apiVersion").asText().isBlank(), doc.file + ": apiVersion");
            assertFalse(doc.kind().isBlank(), doc.file + ": kind");
            if (!doc.kind().equals("Kustomization")) {
                assertFalse(doc.name().isBlank(), doc.file + ": metadata.name");
            }
        }
    }

    @Test
    void kustomizationsNameExistingFilesAndTheirPatchesApply() throws IOException {
        for (Doc kustomization : all().stream().filter(d -> d.kind().equals("Kustomization")).toList()) {
            Path dir = kustomization.file.getParent();
            List<Doc> resources = new ArrayList<>();
            for (JsonNode resource : kustomization.node.path("resources")) {
                Path target = dir.resolve(resource.asText()).normalize();
                assertTrue(Files.exists(target), kustomization.file + ": resource " + target + " exists");
                resources.addAll(Files.isDirectory(target) ? built(target) : parse(target));
            }
            for (JsonNode patch : kustomization.node.path("patches")) {
                String kind = patch.path("target").path("kind").asText();
                String name = patch.path("target").path("name").asText();
                Doc target = resources.stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).findFirst()
                        .orElseThrow(() -> new AssertionError(kustomization.file + ": no " + kind + " " + name + " to patch"));
                for (JsonNode op : YAML.readTree(patch.path("patch").asText())) {
                    String path = op.path("path").asText();
                    assertEquals("replace", op.path("op").asText(), kustomization.file + ": " + path);
                    assertFalse(target.node.at(path).isMissingNode(),
                            kustomization.file + ": " + kind + " " + name + " has " + path + " to replace");
                }
            }
            for (JsonNode generator : kustomization.node.path("secretGenerator")) {
                assertTrue(generator.path("literals").isMissingNode(), kustomization.file + ": no secret literals");
                for (JsonNode env : generator.path("envs")) {
                    Path ignore = dir.resolve(".gitignore");
                    assertTrue(Files.exists(ignore) && Files.readString(ignore).lines().anyMatch(env.asText()::equals),
                            kustomization.file + ": " + env.asText() + " is kept out of git");
                    assertTrue(Files.exists(dir.resolve(env.asText() + ".example")), env.asText() + ".example documents it");
                }
            }
        }
    }

    @Test
    void theAppHasProbesResourcesAndAPinnedImageInEveryOverlay() throws IOException {
        Doc deployment = one(built(K8S.resolve("base")), "Deployment", "clickgive");
        for (JsonNode container : deployment.node.at("/spec/template/spec/containers")) {
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertTrue(container.at("/" + probe + "/httpGet/path").asText().startsWith("/q/health/"),
                        container.path("name").asText() + ": " + probe + " on /q/health");
                assertEquals("management", container.at("/" + probe + "/httpGet/port").asText(),
                        probe + " on the management port");
            }
            assertFalse(container.at("/resources/requests/cpu").asText().isBlank(), "cpu request");
            assertFalse(container.at("/resources/requests/memory").asText().isBlank(), "memory request");
            assertFalse(container.at("/resources/limits/memory").asText().isBlank(), "memory limit");
            for (JsonNode env : container.path("env")) {
                if (SECRET_NAME.matcher(env.path("name").asText()).matches()) {
                    assertTrue(env.path("value").isMissingNode(), env.path("name").asText() + " comes from a secret");
                }
            }
        }
        for (String overlay : List.of("dev", "prod")) {
            JsonNode kustomization = parse(K8S.resolve("overlays/" + overlay + "/kustomization.yaml")).get(0).node;
            JsonNode image = kustomization.at("/images/0");
            assertEquals("ghcr.io/clickgive/clickgive", image.path("name").asText());
            assertTrue(image.path("newTag").asText().matches("\\d+\\.\\d+\\.\\d+([-.][\\w.]+)?"),
                    overlay + " pins a version: " + image.path("newTag").asText());
        }
    }

    @Test
    void everyImageIsPinnedAndNoSecretIsWrittenDown() throws IOException {
        List<Doc> docs = all();
        List<String> images = new ArrayList<>();
        docs.forEach(d -> collect(d.node, List.of("image", "imageName"), images)); // imageName: CloudNativePG's
        assertTrue(images.size() >= 3, "images: " + images);
        images.forEach(image -> assertTrue(PINNED_TAG.matcher(image).matches(), "pinned tag: " + image));
        for (Doc doc : docs) {
            if (doc.kind().equals("Secret")) {
                assertTrue(doc.node.path("data").isMissingNode() && doc.node.path("stringData").isMissingNode(),
                        doc.file + ": a Secret with values written down");
            }
            if (doc.kind().equals("ConfigMap")) {
                doc.node.path("data").fieldNames().forEachRemaining(key ->
                        assertFalse(SECRET_NAME.matcher(key).matches() && !key.startsWith("redis-"),
                                doc.file + ": " + key + " belongs in a Secret"));
            }
        }
        try (Stream<Path> files = Files.walk(K8S)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().equals("secrets.env")
                            && isTracked(f)), "no secrets.env in the repository");
        }
    }

    @Test
    void autoscalerBudgetServiceAndIngressPointAtTheApp() throws IOException {
        List<Doc> base = built(K8S.resolve("base"));
        Doc deployment = one(base, "Deployment", "clickgive");
        JsonNode labels = deployment.node.at("/spec/template/metadata/labels");
        assertEquals("clickgive", one(base, "HorizontalPodAutoscaler", "clickgive").node.at("/spec/scaleTargetRef/name").asText());
        one(base, "PodDisruptionBudget", "clickgive").node.at("/spec/selector/matchLabels").fields()
                .forEachRemaining(e -> assertEquals(e.getValue(), labels.get(e.getKey()), "PDB selects the pods"));
        one(base, "Service", "clickgive").node.at("/spec/selector").fields()
                .forEachRemaining(e -> assertEquals(e.getValue(), labels.get(e.getKey()), "Service selects the pods"));
        assertEquals("clickgive", one(base, "Ingress", "clickgive").node
                .at("/spec/rules/0/http/paths/0/backend/service/name").asText());
        String dbUrl = one(base, "ConfigMap", "clickgive-config").node.at("/data/DB_URL").asText();
        assertTrue(dbUrl.contains(one(base, "Cluster", "clickgive-db").name() + "-rw"), "the app reads the operator's service");
    }

    @Test
    void managementStaysInsideAndOnlyTheIngressReachesTheApp() throws IOException {
        List<Doc> base = built(K8S.resolve("base"));
        JsonNode container = one(base, "Deployment", "clickgive").node.at("/spec/template/spec/containers/0");
        List<String> ports = new ArrayList<>();
        container.path("ports").forEach(p -> ports.add(p.path("name").asText() + ":" + p.path("containerPort").asInt()));
        assertEquals(List.of("http:8080", "management:9000"), ports, "the app's ports (application.properties)");
        List<String> served = new ArrayList<>();
        one(base, "Service", "clickgive").node.at("/spec/ports").forEach(p -> served.add(p.path("targetPort").asText()));
        assertEquals(List.of("http"), served, "the Service never routes to the management port");

        JsonNode labels = one(base, "Deployment", "clickgive").node.at("/spec/template/metadata/labels");
        Doc app = one(base, "NetworkPolicy", "clickgive-app");
        assertEquals(labels.path("app.kubernetes.io/name"), app.node.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name"));
        for (JsonNode rule : app.node.at("/spec/ingress")) {
            assertFalse(rule.path("from").isEmpty(), "every rule names who it admits");
            String port = rule.at("/ports/0/port").asText();
            String peer = rule.at("/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asText();
            assertEquals(port.equals("http") ? "ingress-nginx" : "prometheus", peer, "who reaches the " + port + " port");
        }
        for (String store : List.of("clickgive-db", "clickgive-redis")) {
            Doc policy = one(base, "NetworkPolicy", store);
            for (JsonNode rule : policy.node.at("/spec/ingress")) {
                assertFalse(rule.path("from").isEmpty(), store + ": every rule names who it admits");
            }
            assertEquals("clickgive", policy.node.at("/spec/ingress/0/from/0/podSelector/matchLabels/app.kubernetes.io~1name")
                    .asText(), store + " admits the app");
        }
        assertEquals("clickgive-db", one(base, "NetworkPolicy", "clickgive-db").node
                .at("/spec/podSelector/matchLabels/cnpg.io~1cluster").asText());
        assertEquals(one(base, "Redis", "clickgive-redis").name(), one(base, "NetworkPolicy", "clickgive-redis").node
                .at("/spec/podSelector/matchLabels/app").asText());

        // The guard believes X-Forwarded-For from the ingress's addresses only: a narrow block, never the pod network.
        String trusted = one(base, "ConfigMap", "clickgive-config").node.at("/data/CLICKGIVE_GUARD_TRUSTED_PROXIES").asText();
        for (String block : trusted.split(",")) {
            String[] parts = block.trim().split("/");
            int prefix = parts.length == 1 ? 32 : Integer.parseInt(parts[1]);
            assertTrue(parts[0].contains(":") ? prefix >= 64 : prefix >= 24, "trusted proxies too wide: " + block);
        }
    }

    @Test
    void redisMemoryIsBoundedBelowItsLimitAndNeverEvicts() throws IOException {
        List<Doc> base = built(K8S.resolve("base"));
        String conf = one(base, "ConfigMap", "clickgive-redis-config").node.at("/data/redis-additional.conf").asText();
        assertTrue(conf.lines().anyMatch(l -> l.trim().equals("maxmemory-policy noeviction")), "never evicts");
        java.util.regex.Matcher max = Pattern.compile("(?m)^\\s*maxmemory (\\d+)mb$").matcher(conf);
        assertTrue(max.find(), "maxmemory set: " + conf);
        String limit = one(base, "Redis", "clickgive-redis").node.at("/spec/kubernetesConfig/resources/limits/memory").asText();
        assertEquals("2Gi", limit);
        assertTrue(Integer.parseInt(max.group(1)) <= 2048 * 8 / 10, "maxmemory leaves room under the container's limit");
    }

    @Test
    void theIngressControllerOverwritesForwardedForAndLogsNoClientAddress() throws IOException {
        JsonNode config = parse(K8S.resolve("ingress-nginx/controller-config.yaml")).get(0).node.path("data");
        assertEquals("false", config.path("use-forwarded-headers").asText(), "a client's X-Forwarded-For is dropped");
        String format = config.path("log-format-upstream").asText();
        assertFalse(format.isBlank(), "the access log's format is ours");
        for (String variable : List.of("$remote_addr", "$realip_remote_addr", "$proxy_add_x_forwarded_for",
                "$http_x_forwarded_for", "$proxy_protocol_addr", "$request_uri", "$request ", "$args", "$http_referer")) {
            assertFalse(format.contains(variable), "the access log keeps " + variable);
        }
    }

    private static boolean isTracked(Path file) {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "--error-unmatch", file.toString())
                    .redirectErrorStream(true).start();
            return git.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return true;
        }
    }

    private static void collect(JsonNode node, List<String> fields, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (fields.contains(e.getKey()) && e.getValue().isTextual()) {
                    into.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), fields, into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, fields, into));
        }
    }

    private static Doc one(List<Doc> docs, String kind, String name) {
        return docs.stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    /** The resources a kustomization directory lists (without applying its patches). */
    private static List<Doc> built(Path dir) throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (JsonNode resource : parse(dir.resolve("kustomization.yaml")).get(0).node.path("resources")) {
            Path target = dir.resolve(resource.asText()).normalize();
            docs.addAll(Files.isDirectory(target) ? built(target) : parse(target));
        }
        return docs;
    }

    private static List<Doc> all() throws IOException {
        List<Doc> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                docs.addAll(parse(file));
            }
        }
        return docs;
    }

    private static List<Doc> parse(Path file) throws IOException {
        List<Doc> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode node = values.next();
                if (node != null && !node.isMissingNode() && !node.isNull()) {
                    docs.add(new Doc(file, node));
                }
            }
        }
        return docs;
    }
}
