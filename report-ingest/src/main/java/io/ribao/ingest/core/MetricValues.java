package io.ribao.ingest.core;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A report's metric values as the index keeps them: an immutable map in the order it was given, held in two arrays
 * (three objects, where a {@code LinkedHashMap} of five metrics holds twelve). Values are boxed only when read.
 */
final class MetricValues extends AbstractMap<String, Long> {

    private final String[] codes;
    private final long[] values;

    private MetricValues(String[] codes, long[] values) {
        this.codes = codes;
        this.values = values;
    }

    static MetricValues copyOf(Map<String, Long> metrics, CanonicalStrings canonical) {
        String[] codes = new String[metrics.size()];
        long[] values = new long[metrics.size()];
        int i = 0;
        for (Map.Entry<String, Long> metric : metrics.entrySet()) {
            codes[i] = canonical.of(metric.getKey());
            values[i] = metric.getValue();
            i++;
        }
        return new MetricValues(codes, values);
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public Long get(Object code) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].equals(code)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object code) {
        return get(code) != null;
    }

    @Override
    public Set<Entry<String, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return codes.length;
            }

            @Override
            public Iterator<Entry<String, Long>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < codes.length;
                    }

                    @Override
                    public Entry<String, Long> next() {
                        if (next >= codes.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Long> entry = new SimpleImmutableEntry<>(codes[next], values[next]);
                        next++;
                        return entry;
                    }
                };
            }
        };
    }
}
