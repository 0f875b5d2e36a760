package io.ribao.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ribao.topics.TopicSpec;
import io.ribao.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every YAML file under {@code infra/} is loaded (DESIGN.md §10), and the deployment descriptions are checked
 * against what the code expects: the services' configuration variables, the topic catalogue, health checks.
 * Nothing here starts a container; these are the mistakes a reader of the files could find.
 */
class InfraYamlTest {

    private static final Path REPO = repositoryRoot();
    private static final Path INFRA = REPO.resolve("infra");
    private static final Path COMPOSE = INFRA.resolve("compose/docker-compose.yml");
    private static final Path K8S = INFRA.resolve("k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The image's commands (infra/docker/entrypoint.sh) and the service whose config.yml each one reads. */
    private static final Map<String, String> COMMAND_SERVICE = Map.of(
            "report-ingest", "report-ingest",
            "aggregation-streams", "aggregation-streams",
            "bulletin-service", "bulletin-service",
            "bulletin-db-migrate", "bulletin-service");
    /** Read by the image's entrypoint, not by a config.yml. */
    private static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS");
    private static final Pattern CONFIG_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?}");
    private static final Pattern TOPIC_LINE = Pattern.compile("^(compacted|event_log) (\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern ENTRYPOINT_RUN = Pattern.compile("run ([a-z-]+) (io\\.ribao\\.[\\w.]+)");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    static Stream<Path> yamlFiles() {
        try (Stream<Path> walk = Files.walk(INFRA)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(p -> !INFRA.relativize(p).toString().replace('\\', '/').matches("(.*/)?target/.*"))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theWalkFindsTheComposeFileTheManifestsAndTheDemoRoster() {
        List<String> found = yamlFiles().map(p -> INFRA.relativize(p).toString().replace('\\', '/')).toList();

        assertThat(found).contains("compose/docker-compose.yml", "k8s/kustomization.yaml",
                "k8s/report-ingest.yaml", "k8s/bulletin-service.yaml", "k8s/aggregation-streams.yaml",
                "local/demo-roster.yaml");
        assertThat(found).noneMatch(f -> f.contains("/target/") || f.startsWith("target/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlFiles")
    void everyDocumentOfEveryYamlFileParsesToAMapping(Path file) {
        List<JsonNode> documents = documents(file);

        assertThat(documents).as(INFRA.relativize(file).toString()).isNotEmpty();
        assertThat(documents).as(INFRA.relativize(file).toString()).allMatch(JsonNode::isObject);
    }

    // ---------------------------------------------------------------- docker compose

    @Test
    void composeRunsThreeBrokersTheRegistryPostgresAndEveryServiceFromAnImage() {
        JsonNode services = compose().path("services");

        assertThat(names(services)).contains("kafka-1", "kafka-2", "kafka-3", "topics", "schema-registry",
                "postgres", "report-ingest", "aggregation-streams", "bulletin-service", "lb");
        services.fields().forEachRemaining(service ->
                assertThat(service.getValue().path("image").asText()).as(service.getKey() + ".image").isNotBlank());
        assertThat(services.path("kafka-1").path("image").asText()).startsWith("apache/kafka:4.1.");
        assertThat(services.path("schema-registry").path("image").asText()).startsWith("confluentinc/cp-schema-registry:");
        assertThat(services.path("postgres").path("image").asText()).startsWith("postgres:17");
    }

    @Test
    void composeBrokersFormOneKraftQuorumWithDistinctNodeIds() {
        JsonNode services = compose().path("services");
        Set<String> nodeIds = new HashSet<>();
        Set<String> voters = new HashSet<>();
        Set<String> clusterIds = new HashSet<>();
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            JsonNode env = services.path(broker).path("environment");
            nodeIds.add(env.path("KAFKA_NODE_ID").asText());
            voters.add(env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText());
            clusterIds.add(env.path("CLUSTER_ID").asText());
            assertThat(env.path("KAFKA_PROCESS_ROLES").asText()).as(broker).isEqualTo("broker,controller");
            assertThat(env.path("KAFKA_MIN_INSYNC_REPLICAS").asInt()).as(broker).isEqualTo(2);
        }

        assertThat(nodeIds).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(voters).containsExactly("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
        assertThat(clusterIds).hasSize(1).doesNotContain("");
    }

    @Test
    void composeServicesThatAnswerHttpHaveHealthChecksOnTheirHealthEndpoint() {
        JsonNode services = compose().path("services");

        for (String name : List.of("kafka-1", "kafka-2", "kafka-3", "schema-registry", "postgres", "lb")) {
            assertThat(services.path(name).path("healthcheck").path("test").isArray()).as(name).isTrue();
        }
        assertThat(healthCommand(services.path("report-ingest"))).contains("http://localhost:8080/admin/healthcheck");
        assertThat(healthCommand(services.path("bulletin-service"))).contains("http://localhost:8088/admin/healthcheck");
    }

    @Test
    void composeDependenciesNameExistingServicesAndWaitOnlyForHealthChecksThatExist() {
        JsonNode services = compose().path("services");

        services.fields().forEachRemaining(service -> service.getValue().path("depends_on").fields()
                .forEachRemaining(dependency -> {
                    String what = service.getKey() + " → " + dependency.getKey();
                    assertThat(services.has(dependency.getKey())).as(what).isTrue();
                    if ("service_healthy".equals(dependency.getValue().path("condition").asText())) {
                        assertThat(services.path(dependency.getKey()).has("healthcheck")).as(what).isTrue();
                    }
                }));
    }

    @Test
    void composeRunsTwoReplicasOfEachServiceBehindTheLoadBalancer() {
        JsonNode services = compose().path("services");

        for (String name : List.of("report-ingest", "aggregation-streams", "bulletin-service")) {
            assertThat(services.path(name).path("deploy").path("replicas").asInt()).as(name).isEqualTo(2);
            assertThat(services.path(name).path("build").path("dockerfile").asText()).as(name)
                    .isEqualTo("infra/docker/Dockerfile");
        }
        assertThat(read(INFRA.resolve("compose/nginx.conf")))
                .contains("server report-ingest:8080", "server bulletin-service:8088");
    }

    @Test
    void composeGivesEachRibaoServiceOnlyVariablesItsConfigurationReads() {
        JsonNode services = compose().path("services");
        int checked = 0;
        for (Map.Entry<String, JsonNode> service : iterable(services)) {
            String command = service.getValue().path("command").path(0).asText();
            if (!COMMAND_SERVICE.containsKey(command)) {
                continue;
            }
            Set<String> known = configVariables(COMMAND_SERVICE.get(command));
            assertThat(names(service.getValue().path("environment"))).as(service.getKey())
                    .isNotEmpty().isSubsetOf(known);
            checked++;
        }

        assertThat(checked).isEqualTo(3);
    }

    @Test
    void composeMountsFilesThatExistInTheRepository() {
        Path base = COMPOSE.getParent();
        List<String> sources = new ArrayList<>();
        compose().path("services").forEach(service -> service.path("volumes").forEach(volume -> {
            String source = volume.asText().split(":")[0];
            if (source.startsWith(".")) {
                sources.add(source);
            }
        }));

        assertThat(sources).contains("./create-topics.sh", "./nginx.conf", "../local/demo-roster.yaml");
        assertThat(sources).allMatch(source -> Files.isRegularFile(base.resolve(source).normalize()));
    }

    // ---------------------------------------------------------------- the image

    @Test
    void theImageEntrypointStartsEveryCommandTheDeploymentsUseWithARealMainClass() {
        String entrypoint = read(INFRA.resolve("docker/entrypoint.sh"));
        Matcher run = ENTRYPOINT_RUN.matcher(entrypoint);
        Set<String> services = new TreeSet<>();
        while (run.find()) {
            services.add(run.group(1));
            // the source, not the class: the module's main class must exist and declare main
            Path source = REPO.resolve(run.group(1)).resolve("src/main/java")
                    .resolve(run.group(2).replace('.', '/') + ".java");
            assertThat(source).as(run.group(2)).isRegularFile();
            assertThat(read(source)).as(run.group(2)).contains("public static void main(String[] args)");
        }

        assertThat(services).containsExactlyInAnyOrder("report-ingest", "aggregation-streams", "bulletin-service");
        for (String command : COMMAND_SERVICE.keySet()) {
            assertThat(entrypoint).as(command).containsPattern("(?m)^\\s+" + Pattern.quote(command) + "\\)");
        }
    }

    // ---------------------------------------------------------------- topics

    @Test
    void theTopicScriptCreatesExactlyTheCatalogueWithItsCleanupPolicies() {
        Map<String, Boolean> created = new LinkedHashMap<>();
        Matcher line = TOPIC_LINE.matcher(read(INFRA.resolve("compose/create-topics.sh")));
        while (line.find()) {
            created.put(line.group(2), line.group(1).equals("compacted"));
        }

        Map<String, Boolean> catalogue = Topics.all().stream()
                .collect(Collectors.toMap(TopicSpec::name, TopicSpec::compacted, (a, b) -> a, LinkedHashMap::new));
        assertThat(created).isEqualTo(catalogue);
    }

    @Test
    void theKubernetesTopicJobRunsTheSameScriptAsCompose() {
        JsonNode configMap = k8sDocuments().stream()
                .filter(d -> d.path("kind").asText().equals("ConfigMap")
                        && d.path("metadata").path("name").asText().equals("ribao-create-topics"))
                .findFirst().orElseThrow();

        assertThat(configMap.path("data").path("create-topics.sh").asText())
                .isEqualTo(read(INFRA.resolve("compose/create-topics.sh")));
    }

    // ---------------------------------------------------------------- kubernetes

    @Test
    void everyKubernetesDocumentHasApiVersionKindAndName() {
        List<JsonNode> documents = new ArrayList<>(k8sDocuments());
        documents.addAll(k8sFiles(K8S.resolve("optional")).stream().flatMap(f -> documents(f).stream()).toList());

        assertThat(documents).hasSizeGreaterThan(10);
        for (JsonNode document : documents) {
            String what = document.path("kind").asText() + " " + document.path("metadata").path("name").asText();
            assertThat(document.path("apiVersion").asText()).as(what).isNotBlank();
            assertThat(document.path("kind").asText()).as(what).isNotBlank();
            assertThat(document.path("metadata").path("name").asText()).as(what).isNotBlank();
        }
    }

    @Test
    void theKustomizationListsEveryManifestExceptTheOptionalOnes() {
        JsonNode kustomization = documents(K8S.resolve("kustomization.yaml")).get(0);
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));

        Set<String> present = k8sFiles(K8S).stream().map(p -> p.getFileName().toString())
                .filter(name -> !name.equals("kustomization.yaml")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).isEqualTo(present);
    }

    @Test
    void namespacedKubernetesObjectsLiveInTheRibaoNamespace() {
        for (JsonNode document : k8sDocuments()) {
            String kind = document.path("kind").asText();
            if (kind.equals("Namespace") || kind.equals("Kustomization")) {
                continue;
            }
            assertThat(document.path("metadata").path("namespace").asText())
                    .as(kind + " " + document.path("metadata").path("name").asText()).isEqualTo("ribao");
        }
    }

    @Test
    void dropwizardServicesAreProbedOnTheirHealthCheck() {
        Map<String, JsonNode> deployments = byName(k8sDocuments(), "Deployment");

        assertThat(deployments).containsOnlyKeys("report-ingest", "bulletin-service");
        deployments.forEach((name, deployment) -> {
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                JsonNode http = container.path(probe).path("httpGet");
                assertThat(http.path("path").asText()).as(name + " " + probe).isEqualTo("/admin/healthcheck");
                assertThat(portNames(container)).as(name + " " + probe).contains(http.path("port").asText());
            }
        });
    }

    @Test
    void onlyTheStreamsAppIsAStatefulSetAndItKeepsItsStateOnAVolume() {
        Map<String, JsonNode> statefulSets = byName(k8sDocuments(), "StatefulSet");

        assertThat(statefulSets).containsOnlyKeys("aggregation-streams");
        JsonNode spec = statefulSets.get("aggregation-streams").path("spec");
        JsonNode container = spec.at("/template/spec/containers/0");
        String stateDir = configMapData("aggregation-streams-config").path("AGGREGATION_STATE_DIR").asText();
        assertThat(spec.path("volumeClaimTemplates").path(0).path("metadata").path("name").asText()).isEqualTo("state");
        assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).contains(stateDir);
    }

    @Test
    void everyWorkloadHasADisruptionBudgetSelectingIt() {
        Map<String, JsonNode> budgets = byName(k8sDocuments(), "PodDisruptionBudget");
        List<JsonNode> workloads = new ArrayList<>(byName(k8sDocuments(), "Deployment").values());
        workloads.addAll(byName(k8sDocuments(), "StatefulSet").values());

        assertThat(workloads).hasSize(3);
        for (JsonNode workload : workloads) {
            String name = workload.path("metadata").path("name").asText();
            JsonNode podLabels = workload.at("/spec/template/metadata/labels");
            assertThat(budgets).as(name).containsKey(name);
            budgets.get(name).at("/spec/selector/matchLabels").fields().forEachRemaining(label ->
                    assertThat(podLabels.path(label.getKey()).asText()).as(name).isEqualTo(label.getValue().asText()));
        }
    }

    @Test
    void workloadsReferOnlyToConfigMapsSecretsAndKeysThatExist() {
        Map<String, JsonNode> configMaps = byName(k8sDocuments(), "ConfigMap");
        Map<String, JsonNode> secrets = byName(k8sDocuments(), "Secret");
        List<String> references = new ArrayList<>();

        for (JsonNode container : containers()) {
            container.path("envFrom").forEach(from -> {
                references.add(from.path("configMapRef").path("name").asText());
                assertThat(configMaps).containsKey(from.path("configMapRef").path("name").asText());
            });
            container.path("env").forEach(variable -> {
                JsonNode config = variable.path("valueFrom").path("configMapKeyRef");
                JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
                if (!config.isMissingNode()) {
                    references.add(config.path("name").asText());
                    assertThat(configMaps).containsKey(config.path("name").asText());
                    assertThat(configMaps.get(config.path("name").asText()).path("data").has(config.path("key").asText()))
                            .as(variable.path("name").asText()).isTrue();
                }
                if (!secret.isMissingNode()) {
                    references.add(secret.path("name").asText());
                    assertThat(secrets).containsKey(secret.path("name").asText());
                    assertThat(secrets.get(secret.path("name").asText()).path("stringData").has(secret.path("key").asText()))
                            .as(variable.path("name").asText()).isTrue();
                }
            });
        }
        for (JsonNode document : k8sDocuments()) {
            document.at("/spec/template/spec/volumes").forEach(volume -> {
                if (volume.has("secret")) {
                    assertThat(secrets).containsKey(volume.path("secret").path("secretName").asText());
                }
                if (volume.has("configMap")) {
                    assertThat(configMaps).containsKey(volume.path("configMap").path("name").asText());
                }
            });
        }

        assertThat(references).contains("ribao-endpoints", "ribao-db", "report-ingest-config");
    }

    @Test
    void kubernetesGivesEachRibaoContainerOnlyVariablesItsConfigurationReads() {
        Map<String, JsonNode> configMaps = byName(k8sDocuments(), "ConfigMap");
        int checked = 0;
        for (JsonNode container : containers()) {
            String command = container.path("args").path(0).asText();
            if (!COMMAND_SERVICE.containsKey(command)) {
                continue;
            }
            Set<String> variables = new TreeSet<>();
            container.path("env").forEach(v -> variables.add(v.path("name").asText()));
            container.path("envFrom").forEach(from -> variables.addAll(
                    names(configMaps.get(from.path("configMapRef").path("name").asText()).path("data"))));

            assertThat(variables).as(container.path("name").asText())
                    .isNotEmpty().isSubsetOf(configVariables(COMMAND_SERVICE.get(command)));
            checked++;
        }

        assertThat(checked).isEqualTo(4); // three services and bulletin-service's migration init container
    }

    // ---------------------------------------------------------------- the JVM flags measured and deployed

    @Test
    void reportIngestIsDeployedWithTheCollectorFlagsItsBenchmarkMeasures() {
        Set<String> measured = collectorFlags(runScriptDefault("BENCH_INGEST_GC"));
        JsonNode container = containers().stream()
                .filter(c -> c.path("args").path(0).asText().equals("report-ingest")).findFirst().orElseThrow();
        String k8s = "";
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals("JAVA_OPTS")) {
                k8s = variable.path("value").asText();
            }
        }

        // decisions 412 and 415: G1 sized to a 20 ms pause, the reports that survive a collection promoted at once
        assertThat(measured).containsExactlyInAnyOrder("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
                "-XX:MaxTenuringThreshold=0");
        assertThat(collectorFlags(compose().at("/services/report-ingest/environment/JAVA_OPTS").asText()))
                .as("compose").isEqualTo(measured);
        assertThat(collectorFlags(k8s)).as("k8s").isEqualTo(measured);
    }

    // ---------------------------------------------------------------- rosters and the local stack's configs

    @Test
    void theDemoRosterAndTheKubernetesRosterSkeletonAreRosters() throws IOException {
        JsonNode skeleton = YAML.readTree(byName(k8sDocuments(), "Secret").get("ribao-roster")
                .path("stringData").path("roster.yaml").asText());

        assertRoster(documents(INFRA.resolve("local/demo-roster.yaml")).get(0), "demo-roster.yaml");
        assertRoster(skeleton, "ribao-roster secret");
        assertThat(documents(INFRA.resolve("local/demo-roster.yaml")).get(0).path("units").size()).isGreaterThan(40);
    }

    @Test
    void theLocalStackConfigurationsAreDropwizardServerConfigurations() {
        Path local = INFRA.resolve("local/src/main/resources/local");
        List<Path> configs = yamlFiles().filter(p -> p.startsWith(local)).toList();

        assertThat(configs).isNotEmpty();
        for (Path config : configs) {
            JsonNode server = documents(config).get(0).path("server");
            assertThat(server.path("type").asText()).as(config.getFileName().toString()).isEqualTo("simple");
            assertThat(server.path("adminContextPath").asText()).as(config.getFileName().toString()).isEqualTo("/admin");
        }
    }

    private static void assertRoster(JsonNode roster, String what) {
        assertThat(roster.path("jurisdiction").path("id").asText()).as(what + " jurisdiction.id").isNotBlank();
        assertThat(roster.path("deadlines").path("submission").asText()).as(what + " deadlines.submission").isNotBlank();
        Set<String> formIds = new HashSet<>(roster.path("forms").findValuesAsText("id"));
        Set<String> userIds = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (JsonNode user : roster.path("users")) {
            String id = user.path("id").asText();
            assertThat(userIds.add(id)).as(what + " duplicate user " + id).isTrue();
            assertThat(user.path("tokenSha256").asText()).as(what + " users." + id + ".tokenSha256").matches(SHA256_HEX);
            assertThat(hashes.add(user.path("tokenSha256").asText())).as(what + " token hash of " + id).isTrue();
        }
        Set<String> unitIds = new HashSet<>();
        for (JsonNode unit : roster.path("units")) {
            String id = unit.path("id").asText();
            assertThat(unitIds.add(id)).as(what + " duplicate unit " + id).isTrue();
            if (unit.has("parent")) {
                assertThat(unitIds).as(what + " units." + id + ".parent").contains(unit.path("parent").asText());
            }
            if (unit.has("form")) {
                assertThat(formIds).as(what + " units." + id + ".form").contains(unit.path("form").asText());
                assertThat(userIds).as(what + " units." + id + ".principal").contains(unit.path("principal").asText());
            }
        }
        assertThat(unitIds).as(what + " units").isNotEmpty();
    }

    // ---------------------------------------------------------------- reading

    /** The default of {@code ${VARIABLE:-default}} in {@code benchmarks/run.sh}, the same wherever it is read. */
    private static String runScriptDefault(String variable) {
        Matcher defaultValue = Pattern.compile("\\$\\{" + variable + ":-([^}]*)}")
                .matcher(read(REPO.resolve("benchmarks/run.sh")));
        Set<String> defaults = new TreeSet<>();
        while (defaultValue.find()) {
            defaults.add(defaultValue.group(1));
        }
        assertThat(defaults).as(variable + " in benchmarks/run.sh").hasSize(1);
        return defaults.iterator().next();
    }

    /** The collector's flags among a JVM command line's options: the rest (heap share, OOM exit, properties) vary. */
    private static Set<String> collectorFlags(String jvmOptions) {
        return Stream.of(jvmOptions.trim().split("\\s+"))
                .filter(flag -> flag.startsWith("-XX:") && !flag.startsWith("-XX:MaxRAMPercentage")
                        && !flag.equals("-XX:+ExitOnOutOfMemoryError"))
                .collect(Collectors.toSet());
    }

    private static JsonNode compose() {
        List<JsonNode> documents = documents(COMPOSE);
        assertThat(documents).hasSize(1);
        return documents.get(0);
    }

    private static List<JsonNode> k8sDocuments() {
        return k8sFiles(K8S).stream().flatMap(f -> documents(f).stream()).toList();
    }

    /** The manifests directly in {@code dir} (not its sub-directories). */
    private static List<Path> k8sFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        for (JsonNode document : k8sDocuments()) {
            document.at("/spec/template/spec/initContainers").forEach(containers::add);
            document.at("/spec/template/spec/containers").forEach(containers::add);
        }
        return containers;
    }

    private static JsonNode configMapData(String name) {
        return byName(k8sDocuments(), "ConfigMap").get(name).path("data");
    }

    private static Map<String, JsonNode> byName(List<JsonNode> documents, String kind) {
        Map<String, JsonNode> byName = new HashMap<>();
        documents.stream().filter(d -> d.path("kind").asText().equals(kind))
                .forEach(d -> byName.put(d.path("metadata").path("name").asText(), d));
        return byName;
    }

    private static Set<String> portNames(JsonNode container) {
        return new HashSet<>(container.path("ports").findValuesAsText("name"));
    }

    private static String healthCommand(JsonNode service) {
        List<String> parts = new ArrayList<>();
        service.path("healthcheck").path("test").forEach(part -> parts.add(part.asText()));
        return String.join(" ", parts);
    }

    /** Every {@code ${NAME}} / {@code ${NAME:-default}} in {@code <service>/config.yml}, plus the image's own. */
    private static Set<String> configVariables(String service) {
        Set<String> variables = new TreeSet<>(IMAGE_VARIABLES);
        Matcher matcher = CONFIG_VARIABLE.matcher(read(REPO.resolve(service).resolve("config.yml")));
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    private static Set<String> names(JsonNode mapping) {
        Set<String> names = new TreeSet<>();
        mapping.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode mapping) {
        return mapping::fields;
    }

    private static List<JsonNode> documents(Path file) {
        try (JsonParser parser = YAML.getFactory().createParser(file.toFile());
             MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(parser)) {
            List<JsonNode> all = new ArrayList<>();
            documents.forEachRemaining(all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("infra"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (with mvnw and infra/) above " + Path.of("").toAbsolutePath());
    }
}
