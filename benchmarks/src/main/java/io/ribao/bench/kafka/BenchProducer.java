package io.ribao.bench.kafka;

import io.ribao.bench.fixture.BenchRoster;
import io.ribao.topics.Topic;
import io.ribao.topics.Topics;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes fixtures straight to the topics with the catalogue's serdes, as their writing service would (acks=all);
 * the benchmark then measures only the part under test.
 */
public final class BenchProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;
    private Future<RecordMetadata> last;

    public BenchProducer(String bootstrapServers, Topics topics) {
        this.topics = topics;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new ByteArraySerializer());
    }

    public <V> void send(Topic<String, V> topic, String key, V value) {
        last = producer.send(new ProducerRecord<>(topic.name(), key, topic.serializeValue(value)));
    }

    /** Jurisdiction, form, units and users, in the order report-ingest publishes them. */
    public void sendRoster(BenchRoster roster) {
        send(topics.jurisdictions(), roster.jurisdiction().getId(), roster.jurisdiction());
        send(topics.forms(), roster.form().getId(), roster.form());
        roster.units().forEach(u -> send(topics.units(), u.getId(), u));
        roster.users().forEach(u -> send(topics.users(), u.getId(), u));
    }

    /** Waits until everything sent so far is acknowledged. */
    public void flush() throws ExecutionException, InterruptedException {
        producer.flush();
        if (last != null) {
            last.get();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
