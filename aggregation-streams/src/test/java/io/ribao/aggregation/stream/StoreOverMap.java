package io.ribao.aggregation.stream;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store for plain tests of what sits on a task's stores: {@code get}, {@code put} and {@code delete} over a
 * map of the values' bytes (so what is read back went through the serde, as from RocksDB), each call's method name
 * recorded in order. Any other operation is refused.
 */
final class StoreOverMap {

    private StoreOverMap() {
    }

    @SuppressWarnings("unchecked")
    static <V> KeyValueStore<String, V> of(Map<String, byte[]> bytes, Serde<V> serde, List<String> operations) {
        return (KeyValueStore<String, V>) Proxy.newProxyInstance(StoreOverMap.class.getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    operations.add(method.getName());
                    String key = (String) args[0];
                    return switch (method.getName()) {
                        case "get" -> serde.deserializer().deserialize("store", bytes.get(key));
                        case "put" -> {
                            bytes.put(key, serde.serializer().serialize("store", (V) args[1]));
                            yield null;
                        }
                        case "delete" -> serde.deserializer().deserialize("store", bytes.remove(key));
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
