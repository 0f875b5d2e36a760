package io.ribao.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.registry.CompatibilityLevel;
import io.ribao.registry.server.CompatibilityPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build-time gate of DESIGN.md §2: every schema in the tree reads data written with its last released version
 * (kept in {@code src/test/resources/released/}), so a schema change cannot break a running consumer.
 */
class ReleasedSchemasCompatibilityTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path RELEASED = Path.of("src/test/resources/released");

    static List<String> releasedNames() {
        return new ArrayList<>(schemasIn(RELEASED).keySet());
    }

    @Test
    void everyReleasedSchemaStillHasACurrentOne() {
        Map<String, Schema> released = schemasIn(RELEASED);

        assertThat(released).isNotEmpty();
        assertThat(schemasIn(CURRENT).keySet()).containsAll(released.keySet());
    }

    @ParameterizedTest
    @MethodSource("releasedNames")
    void theCurrentSchemaReadsDataWrittenWithTheReleasedOne(String name) {
        Schema current = schemasIn(CURRENT).get(name);
        Schema released = schemasIn(RELEASED).get(name);

        assertThat(CompatibilityPolicy.incompatibilities(CompatibilityLevel.BACKWARD, current, List.of(released)))
                .as("%s must stay BACKWARD-compatible with its released copy", name)
                .isEmpty();
    }

    @Test
    void theGateRefusesARequiredFieldAddedWithoutADefault() {
        Schema released = schemasIn(RELEASED).get("io.ribao.schemas.report.ReportEvent");
        List<Schema.Field> fields = new ArrayList<>();
        released.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("priority", SchemaBuilder.builder().stringType()));
        Schema broken = Schema.createRecord(released.getName(), released.getDoc(), released.getNamespace(), false,
                fields);

        assertThat(CompatibilityPolicy.incompatibilities(CompatibilityLevel.BACKWARD, broken, List.of(released)))
                .singleElement().asString().contains("priority");
    }

    /** The named type of every {@code .avsc} in {@code directory}, by full name, references resolved. */
    private static Map<String, Schema> schemasIn(Path directory) {
        SchemaParser parser = new SchemaParser();
        List<SchemaParser.ParseResult> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                results.add(parser.parse(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Schema> byName = new TreeMap<>();
        for (SchemaParser.ParseResult result : results) {
            Schema schema = parser.resolve(result);
            byName.put(schema.getFullName(), schema);
        }
        return byName;
    }
}
