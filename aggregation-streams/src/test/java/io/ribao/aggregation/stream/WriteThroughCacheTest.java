package io.ribao.aggregation.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class WriteThroughCacheTest {

    private final Map<String, byte[]> stored = new HashMap<>();
    /** The store operations, by method name. */
    private final List<String> operations = new ArrayList<>();
    private final KeyValueStore<String, String> store = StoreOverMap.of(stored, Serdes.String(), operations);

    @Test
    void aValueReadAgainComesFromMemory() {
        new WriteThroughCache<>(store, 16).put("u1/2026-12-06", "a");
        WriteThroughCache<String> cache = new WriteThroughCache<>(store, 16);

        assertThat(cache.get("u1/2026-12-06")).isEqualTo("a");
        assertThat(cache.get("u1/2026-12-06")).isEqualTo("a");

        assertThat(operations).containsExactly("put", "get");
    }

    @Test
    void aKeyFoundAbsentIsNotLookedUpAgain() {
        WriteThroughCache<String> cache = new WriteThroughCache<>(store, 16);

        assertThat(cache.get("u1/2026-12-06")).isNull();
        assertThat(cache.get("u1/2026-12-06")).isNull();
        assertThat(cache.get("u1/2026-12-06")).isNull();

        assertThat(operations).containsExactly("get");
    }

    @Test
    void aValuePutAfterItWasFoundAbsentIsReadBack() {
        WriteThroughCache<String> cache = new WriteThroughCache<>(store, 16);
        cache.get("u1/2026-12-06");

        cache.put("u1/2026-12-06", "a");

        assertThat(cache.get("u1/2026-12-06")).isEqualTo("a");
        assertThat(operations).containsExactly("get", "put");
        assertThat(new String(stored.get("u1/2026-12-06"))).isEqualTo("a");
    }

    @Test
    void aDeletedKeyIsForgottenAndReadFromTheStoreIfAskedAgain() {
        WriteThroughCache<String> cache = new WriteThroughCache<>(store, 16);
        cache.put("u1/2026-12-06", "a");

        cache.delete("u1/2026-12-06");

        assertThat(cache.get("u1/2026-12-06")).isNull();
        assertThat(stored).doesNotContainKey("u1/2026-12-06");
        assertThat(operations).containsExactly("put", "delete", "get");
    }

    @Test
    void beyondItsSizeTheLeastRecentlyUsedKeysPresentOrAbsentAreReadFromTheStoreAgain() {
        WriteThroughCache<String> cache = new WriteThroughCache<>(store, 2);
        cache.put("a", "1");
        cache.get("b");
        cache.get("a");
        cache.get("c");
        operations.clear();

        assertThat(cache.get("a")).isEqualTo("1");
        assertThat(cache.get("c")).isNull();
        assertThat(operations).isEmpty();

        assertThat(cache.get("b")).isNull();
        assertThat(operations).containsExactly("get");
    }
}
