package io.ribao.aggregation.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Bytes for a {@link UnitHistory} in a state store: a version byte, the bound, then the days oldest first. */
public final class UnitHistoryCodec {

    private static final byte VERSION = 1;

    public byte[] encode(UnitHistory history) {
        if (history == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(history.days());
            List<DayRecord> records = history.records();
            out.writeInt(records.size());
            for (DayRecord r : records) {
                out.writeLong(r.date().toEpochDay());
                out.writeBoolean(r.zeroReport());
                out.writeInt(r.metrics().size());
                for (Map.Entry<String, Long> e : new TreeMap<>(r.metrics()).entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeLong(e.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode unit history", e);
        }
        return bytes.toByteArray();
    }

    public UnitHistory decode(byte[] data) {
        if (data == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
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
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt unit history bytes", e);
        }
    }
}
