package io.ribao.bench.ingest;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * How the service's report producer batched during the last run, from its JMX metrics (Kafka's windowed averages,
 * about the last 30 s): records per produce request and the broker's round trip. Broker and client CPU per report
 * follow the first; the closed loop's latency the second.
 */
final class ProducerBatching {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName producer;

    ProducerBatching(String clientId) {
        try {
            this.producer = new ObjectName("kafka.producer:type=producer-metrics,client-id=" + clientId);
        } catch (JMException e) {
            throw new IllegalArgumentException(clientId, e);
        }
    }

    String summary() {
        return String.format(Locale.ROOT, "producer: %.1f records per request, %.0f requests/s, request latency %.2f ms, "
                        + "record queue time %.2f ms", metric("records-per-request-avg"), metric("request-rate"),
                metric("request-latency-avg"), metric("record-queue-time-avg"));
    }

    private double metric(String name) {
        try {
            return ((Number) server.getAttribute(producer, name)).doubleValue();
        } catch (JMException e) {
            return Double.NaN;
        }
    }
}
