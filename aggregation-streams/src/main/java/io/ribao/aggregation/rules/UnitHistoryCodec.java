package io.ribao.aggregation.rules;

import io.ribao.aggregation.binary.BinaryReader;
import io.ribao.aggregation.binary.BinaryWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Bytes for a {@link UnitHistory} in a state store: a version byte, the bound, then the days oldest first. */
public final class UnitHistoryCodec {

    private static final byte VERSION = 1;

    public byte[] encode(UnitHistory history) {
        if (history == null) {
            return null;
        }
        List<DayRecord> records = history.records();
        BinaryWriter out = new BinaryWriter(32 + records.size() * 128)
                .writeByte(VERSION)
                .writeInt(history.days())
                .writeInt(records.size());
        for (DayRecord r : records) {
            out.writeLong(r.date().toEpochDay());
            out.writeBoolean(r.zeroReport());
            out.writeInt(r.metrics().size());
            Map<String, Long> metrics = r.metrics() instanceof SortedMap<String, Long> sorted
                    && sorted.comparator() == null ? r.metrics() : new TreeMap<>(r.metrics());
            for (Map.Entry<String, Long> e : metrics.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue());
            }
        }
        return out.toByteArray();
    }

    public UnitHistory decode(byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            BinaryReader in = new BinaryReader(data);
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown unit history format version " + version);
            }
            int days = in.readInt();
            int count = in.readInt();
            List<DayRecord> records = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                LocalDate date = LocalDate.ofEpochDay(in.readLong());
                boolean zeroReport = in.readBoolean();
                int size = in.readInt();
                Map<String, Long> metrics = new TreeMap<>();
                for (int j = 0; j < size; j++) {
                    metrics.put(in.readUTF(), in.readLong());
                }
                records.add(new DayRecord(date, zeroReport, metrics));
            }
            return UnitHistory.of(days, records);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("corrupt unit history bytes: " + e.getMessage(), e);
        }
    }
}
