package io.ribao.aggregation.stream;

import io.ribao.registry.SchemaRegistries;
import io.ribao.schemas.dlq.DeadLetter;
import io.ribao.topics.Topic;
import io.ribao.topics.Topics;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For records Kafka Streams itself deserializes (the global roster stores): writes a dead letter and continues. The
 * unit-day processor reads its inputs as bytes and dead-letters inside its own transaction instead. If the dead letter
 * cannot be written the app fails: a record is never dropped silently.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    public static final String SCHEMA_REGISTRY_URL = "ribao.schema.registry.url";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private final Clock clock = Clock.systemUTC();
    private Map<String, Object> producerConfig;
    private Topic<String, DeadLetter> deadLetters;
    private KafkaProducer<String, byte[]> producer;

    @Override
    public void configure(Map<String, ?> configs) {
        producerConfig = new HashMap<>();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, configs.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-dlq");
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url != null) {
            deadLetters = new Topics(SchemaRegistries.forUrl(url.toString())).deadLetters(DeadLetters.APP);
        }
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        LOG.warn("cannot read {}-{}@{} ({}); sending it to {} and continuing", record.topic(), record.partition(),
                record.offset(), exception.toString(), Topics.deadLetterTopic(DeadLetters.APP));
        if (deadLetters == null) {
            LOG.error("no schema registry configured for dead letters; failing");
            return DeserializationHandlerResponse.FAIL;
        }
        DeadLetter letter = DeadLetters.of(record.topic(), record.partition(), record.offset(), record.key(),
                record.value(), exception, clock.instant());
        try {
            producer().send(new ProducerRecord<>(deadLetters.name(), null, deadLetters.serializeValue(letter)))
                    .get(30, TimeUnit.SECONDS);
            return DeserializationHandlerResponse.CONTINUE;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.error("cannot write the dead letter of {}-{}@{}; failing", record.topic(), record.partition(),
                    record.offset(), e);
            return DeserializationHandlerResponse.FAIL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeserializationHandlerResponse.FAIL;
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                    new ByteArraySerializer());
        }
        return producer;
    }
}
