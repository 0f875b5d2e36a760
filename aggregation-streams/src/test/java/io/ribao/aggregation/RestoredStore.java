package io.ribao.aggregation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Innermost (bytes) stores for {@link AggregationDriver#restartAt}: one that is filled as its {@code init} returns —
 * where a changelog restore leaves a store, before any processor is initialised — and suppliers that keep what they
 * made, so the next restart can read it.
 */
final class RestoredStore {

    private RestoredStore() {
    }

    /** The supplier's stores, each recorded under its name when made. */
    static KeyValueBytesStoreSupplier recording(KeyValueBytesStoreSupplier supplier,
                                                Map<String, KeyValueStore<Bytes, byte[]>> made) {
        return around(supplier, store -> {
            made.put(supplier.name(), store);
            return store;
        });
    }

    /** The supplier's stores, each holding {@code contents} once initialised; the supplier itself when none. */
    static KeyValueBytesStoreSupplier filled(KeyValueBytesStoreSupplier supplier,
                                             List<KeyValue<Bytes, byte[]>> contents) {
        return contents.isEmpty() ? supplier : around(supplier, store -> filledOnInit(store, contents));
    }

    private static KeyValueBytesStoreSupplier around(KeyValueBytesStoreSupplier supplier,
                                                     UnaryOperator<KeyValueStore<Bytes, byte[]>> made) {
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return supplier.name();
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return made.apply(supplier.get());
            }

            @Override
            public String metricsScope() {
                return supplier.metricsScope();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static KeyValueStore<Bytes, byte[]> filledOnInit(KeyValueStore<Bytes, byte[]> store,
                                                            List<KeyValue<Bytes, byte[]>> contents) {
        return (KeyValueStore<Bytes, byte[]>) Proxy.newProxyInstance(RestoredStore.class.getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("init")) {
                        store.putAll(contents);
                    }
                    return result;
                });
    }
}
