package io.ribao.aggregation.stream;

/** Values by key, as a task reads and writes them: {@link WriteThroughCache}, or a view such as a unit-day's alert marks. */
interface KeyValues<V> {

    V get(String key);

    void put(String key, V value);

    void delete(String key);
}
