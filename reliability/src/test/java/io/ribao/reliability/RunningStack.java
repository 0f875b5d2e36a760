package io.ribao.reliability;

import io.ribao.local.LocalOptions;
import io.ribao.local.LocalStack;
import io.ribao.registry.SchemaRegistries;
import io.ribao.topics.Topics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The whole system on the local stack (real KRaft broker, embedded registry, embedded PostgreSQL, the three
 * services) with the test roster, the services' clock fixed at 10:00 Beijing time on the day under test so every
 * report for that day is open and on time. Started once per test run and shared (see {@link StackExtension}).
 */
public final class RunningStack implements AutoCloseable {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final LocalStack stack;
    private final Path data;
    private final TestRoster roster;
    private final Topics topics;
    private final Api api = new Api();

    private RunningStack(LocalStack stack, Path data, TestRoster roster) {
        this.stack = stack;
        this.data = data;
        this.roster = roster;
        this.topics = new Topics(SchemaRegistries.forUrl(stack.registryUrl()));
    }

    public static RunningStack start() {
        LocalDate today = LocalDate.now(Clock.system(SHANGHAI));
        Clock morning = Clock.fixed(today.atTime(LocalTime.of(10, 0)).atZone(SHANGHAI).toInstant(), SHANGHAI);
        try {
            Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "stack-");
            TestRoster roster = TestRoster.write(data.resolve("roster"), today);
            LocalStack stack = LocalStack.start(new LocalOptions(roster.file(), data, 0, 0, 0, 0, 2), morning);
            RunningStack running = new RunningStack(stack, data, roster);
            running.awaitRosterOnTheBoard();
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** bulletin-service follows the roster topics on its own thread: wait until it shows every reporting unit. */
    private void awaitRosterOnTheBoard() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.Reply board = api.get(bulletin("/api/v1/days/" + today() + "/status"), token("u-office"));
            assertThat(board.status()).as(board.toString()).isEqualTo(200);
            assertThat(board.body()).contains("\"twn-a\"", "\"twn-b\"", "\"sup-team\"");
        });
    }

    // --- fixtures shared by the tests, made with the right people's tokens ---------------------------------

    /** A fresh report of the unit, submitted by its clerk and waiting for sign-off; its reportId. */
    public String pendingReport(String unit) {
        String clerk = unit.equals("twn-a") ? "u-a-clerk" : "u-b-clerk";
        Api.Reply reply = api.postJson(ingest("/api/v1/reports"), token(clerk), "{\"unitId\":\"" + unit
                + "\",\"date\":\"" + today() + "\",\"metrics\":{\"nucleic_samples\":10,\"nucleic_tested\":5}}");
        assertThat(reply.status()).as("fixture: pending report " + reply).isEqualTo(202);
        assertThat(reply.json().get("status").asText()).isEqualTo("PENDING_SIGNOFF");
        return reply.json().get("reportId").asText();
    }

    /** A fresh open finding about the unit, filed by the supervision team and projected by bulletin-service. */
    public String openFinding(String unit) {
        Api.Reply reply = api.postJson(ingest("/api/v1/reports"), token("u-team-zz"), "{\"unitId\":\"sup-team\","
                + "\"date\":\"" + today() + "\",\"metrics\":{\"inspections\":3,\"problems_found\":1},"
                + "\"findings\":[{\"unitId\":\"" + unit + "\",\"problem\":\"卡口登记不全\"}]}");
        assertThat(reply.status()).as("fixture: finding " + reply).isEqualTo(202);
        String findingId = reply.json().get("reportId").asText() + "-f1";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.get(bulletin("/api/v1/findings?status=OPEN"), token("u-office")).body())
                        .contains("\"" + findingId + "\""));
        return findingId;
    }

    /**
     * The day's bulletin in DRAFT (a fresh correction when the last one was approved or released); waits while
     * bulletin-service has not yet read the jurisdiction from the roster topic.
     */
    public String draftBulletin() {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.Reply reply = api.post(bulletin("/api/v1/days/" + today() + "/bulletin"), token("u-office"));
            assertThat(reply.status()).as("fixture: draft " + reply).isEqualTo(201);
            assertThat(reply.json().get("state").asText()).isEqualTo("DRAFT");
            id[0] = reply.json().get("id").asText();
        });
        return id[0];
    }

    public String approveBulletin(String id) {
        Api.Reply reply = api.post(bulletin("/api/v1/bulletins/" + id + "/approve"), token("u-director"));
        assertThat(reply.status()).as("fixture: approve " + reply).isEqualTo(200);
        return id;
    }

    public String releaseBulletin(String id) {
        Api.Reply reply = api.post(bulletin("/api/v1/bulletins/" + id + "/release"), token("u-director"));
        assertThat(reply.status()).as("fixture: release " + reply).isEqualTo(200);
        return id;
    }

    public String ingest(String path) {
        return stack.ingestUrl() + path;
    }

    public String bulletin(String path) {
        return stack.bulletinUrl() + path;
    }

    /** A path on one of the services: {@code service} is "ingest" or "bulletin". */
    public String url(String service, String path) {
        return service.equals("bulletin") ? bulletin(path) : ingest(path);
    }

    public TestRoster roster() {
        return roster;
    }

    public LocalDate today() {
        return roster.today();
    }

    public String token(String userId) {
        return roster.token(userId);
    }

    public Api api() {
        return api;
    }

    public Topics topics() {
        return topics;
    }

    public String kafka() {
        return stack.kafka();
    }

    /** Writes raw bytes to a topic, as a misbehaving or hostile producer would; where they landed. */
    public RecordMetadata produceRaw(String topic, String key, byte[] value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic,
                    key == null ? null : key.getBytes(java.nio.charset.StandardCharsets.UTF_8), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not write to " + topic, e);
        }
    }

    /** The sum of the end offsets of a topic's partitions: unchanged means nothing was written. */
    public long endOffsetSum(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Every committed record of a topic, from the beginning to the end offsets as they are now. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
            return records;
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    @Override
    public void close() {
        stack.close();
        // the broker's, PostgreSQL's and Streams' data of one run is a few hundred MB under target/
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + data, e);
        }
    }
}
