package io.ribao.ingest.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.ribao.broker.EmbeddedKafkaCluster;
import io.ribao.ingest.DemoRoster;
import io.ribao.ingest.IngestConfiguration;
import io.ribao.ingest.IngestTestApp;
import io.ribao.ingest.MutableClock;
import io.ribao.ingest.TopicReader;
import io.ribao.kit.error.ApiError;
import io.ribao.kit.error.FieldError;
import io.ribao.registry.SchemaRegistries;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.User;
import io.ribao.topics.Topics;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /api/v1/roster} refusals against a real (embedded) broker: 422 naming the entry, nothing published. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RosterReloadTest {

    private static final String REGISTRY = "mem://roster-reload-test";
    private static final MutableClock CLOCK = MutableClock.atShanghai("2026-03-14T10:00:00");
    private static final EmbeddedKafkaCluster KAFKA = IngestTestApp.startKafka("roster-kafka", 3);
    private static final Topics TOPICS = new Topics(SchemaRegistries.forUrl(REGISTRY));

    static final DropwizardAppExtension<IngestConfiguration> APP = new DropwizardAppExtension<>(
            IngestTestApp.support(IngestTestApp.configuration(KAFKA.bootstrapServers(), REGISTRY), CLOCK));

    @AfterAll
    static void stopKafka() {
        KAFKA.close();
    }

    private static Response reload(String yaml) {
        Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/roster").request()
                .header("Authorization", "Bearer " + DemoRoster.token("u-admin")).header("Accept-Language", "en")
                .post(Entity.entity(yaml, "application/yaml"));
        response.bufferEntity();
        return response;
    }

    @Test
    void rosterTakingAnotherJurisdictionsUnitIs422AndPublishesNothing() {
        String other = """
                jurisdiction: {id: other-county, name: 另一县, timezone: Asia/Shanghai, office: 另一县指挥部办公室}
                deadlines: {reminder: "15:30", submission: "16:30", bulletin: "18:00", amendDays: 3}
                forms:
                  - {id: other-daily, name: 日报, metrics: [{code: m0, name: 指标, min: 0}]}
                units:
                  - {id: other-county, name: 另一县, kind: COUNTY, activeFrom: 2026-01-01}
                  - {id: twn-tianbao, name: 天保镇, kind: TOWNSHIP, parent: other-county, form: other-daily,
                     principal: u-other-sj, activeFrom: 2026-01-01}
                users:
                  - {id: u-other-sj, name: 书记, role: PRINCIPAL, unit: twn-tianbao, tokenSha256: "%s"}
                """.formatted("c".repeat(64));

        Response refused = reload(other);

        assertThat(refused.getStatus()).isEqualTo(422);
        ApiError error = refused.readEntity(ApiError.class);
        assertThat(error.code()).isEqualTo("INVALID_ROSTER");
        assertThat(error.errors()).containsExactly(
                new FieldError("units[1].id", "unit 'twn-tianbao' belongs to jurisdiction 'demo-county'"));
        assertThat(TopicReader.readAll(KAFKA.bootstrapServers(), TOPICS.jurisdictions()))
                .extracting(Jurisdiction::getId).doesNotContain("other-county");
        assertThat(TopicReader.readAll(KAFKA.bootstrapServers(), TOPICS.units()))
                .extracting(Unit::getJurisdictionId).containsOnly("demo-county");
        assertThat(TopicReader.readAll(KAFKA.bootstrapServers(), TOPICS.users()))
                .extracting(User::getJurisdictionId).containsOnly("demo-county");
        assertThat(TopicReader.readAll(KAFKA.bootstrapServers(), TOPICS.forms()))
                .extracting(Form::getId).doesNotContain("other-daily");
    }

    @Test
    void rosterWithAnEmptyListItemIs422NamingItNotA500() {
        String yaml = DemoRoster.yaml().replace("principal: u-tianbao-sj, supervisors: [u-dc-01]",
                "principal: u-tianbao-sj, supervisors: [u-dc-01, ~]");

        Response refused = reload(yaml);

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.readEntity(ApiError.class).errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).matches("units\\[\\d+]\\.supervisors\\[1]");
            assertThat(e.message()).isEqualTo("is empty");
        });
    }

    @Test
    void rosterWithAnUnknownFieldIs422NamingTheFieldWithoutJavaClasses() {
        String yaml = DemoRoster.yaml().replace("principal: u-tianbao-sj,", "owner: u-x, principal: u-tianbao-sj,");

        Response refused = reload(yaml);

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.readEntity(ApiError.class).errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).matches("units\\[\\d+]\\.owner");
            assertThat(e.message()).startsWith("unknown field 'owner' (known fields: ").doesNotContain("io.ribao", "class");
        });
    }
}
