package io.ribao.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ribao.registry.CompatibilityLevel;
import io.ribao.registry.RegisteredSchema;
import io.ribao.registry.SchemaRegistries;
import io.ribao.registry.SchemaRegistryClient;
import io.ribao.registry.SchemaRegistryException;
import io.ribao.schemas.report.ReportEvent;
import io.ribao.serde.AvroSerde;
import io.ribao.serde.SampleRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's whole API against the embedded registry (on a log in memory). */
class SchemaRegistryClientTest {

    private EmbeddedSchemaRegistry registry;
    private SchemaRegistryClient client;

    @BeforeEach
    void startRegistry() {
        registry = EmbeddedSchemaRegistry.start(new MemorySchemaLog(), "127.0.0.1", 0);
        client = new SchemaRegistryClient(registry.url() + "/");
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void registersLooksUpAndListsVersions() {
        int v1 = client.register("s", Schemas.v1());
        int v2 = client.register("s", Schemas.v2WithOptionalNote());

        assertThat(client.subjects()).containsExactly("s");
        assertThat(client.versions("s")).containsExactly(1, 2);
        assertThat(client.lookup("s", Schemas.v1())).isEqualTo(new RegisteredSchema("s", v1, 1, Schemas.v1()));
        assertThat(client.version("s", 2)).isEqualTo(new RegisteredSchema("s", v2, 2, Schemas.v2WithOptionalNote()));
        assertThat(client.latest("s").version()).isEqualTo(2);
        assertThat(new SchemaRegistryClient(registry.url()).schemaById(v2)).isEqualTo(Schemas.v2WithOptionalNote());
    }

    @Test
    void checksCompatibilityWithoutRegistering() {
        client.register("s", Schemas.v1());

        assertThat(client.isCompatibleWithLatest("s", Schemas.v2WithOptionalNote())).isTrue();
        assertThat(client.isCompatible("s", 1, Schemas.v2WithRequiredCount())).isFalse();
        assertThat(client.versions("s")).containsExactly(1);
    }

    @Test
    void readsAndChangesGlobalAndSubjectLevels() {
        assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(client.subjectCompatibility("s")).isEmpty();

        client.setGlobalCompatibility(CompatibilityLevel.FULL_TRANSITIVE);
        client.setSubjectCompatibility("s", CompatibilityLevel.NONE);

        assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(client.subjectCompatibility("s")).contains(CompatibilityLevel.NONE);
    }

    @Test
    void anIncompatibleRegistrationThrowsWithStatusAndErrorCode() {
        client.register("s", Schemas.v1());

        assertThatThrownBy(() -> client.register("s", Schemas.v2WithRequiredCount()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("count");
                });
    }

    @Test
    void refusalsCarryTheRegistrysErrorCodes() {
        client.register("s", Schemas.v1());

        assertThat(errorCodeOf(() -> client.versions("nobody"))).isEqualTo(40401);
        assertThat(errorCodeOf(() -> client.version("s", 5))).isEqualTo(40402);
        assertThat(errorCodeOf(() -> client.schemaById(404))).isEqualTo(40403);
        assertThat(errorCodeOf(() -> client.lookup("s", Schemas.other()))).isEqualTo(40403);
    }

    @Test
    void anUnreachableRegistryIsA503() {
        SchemaRegistryClient nowhere = new SchemaRegistryClient("http://127.0.0.1:" + unusedPort());

        assertThat(errorCodeOf(nowhere::subjects)).isEqualTo(50003);
    }

    @Test
    void serdesFromAnHttpUrlWriteAndReadThroughTheEmbeddedRegistry() {
        AvroSerde<ReportEvent> serde = new AvroSerde<>(SchemaRegistries.forUrl(registry.url()), ReportEvent.class);
        ReportEvent report = SampleRecords.sample(ReportEvent.class);

        byte[] bytes = serde.serializer().serialize("ribao.reports", report);

        assertThat(serde.deserializer().deserialize("ribao.reports", bytes)).isEqualTo(report);
        assertThat(client.subjects()).containsExactly("ribao.reports-value");
    }

    private static int errorCodeOf(Runnable call) {
        try {
            call.run();
        } catch (SchemaRegistryException e) {
            return e.errorCode();
        }
        throw new AssertionError("expected a SchemaRegistryException");
    }

    private static int unusedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
