package io.ribao.aggregation.stream;

import io.ribao.aggregation.binary.BinaryReader;
import io.ribao.aggregation.binary.BinaryWriter;
import io.ribao.schemas.status.UnitDayStatus;
import io.ribao.topics.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Bytes for a {@link UnitDayEntry} in the {@code unit-day-entries} store: a version byte, the alert marks (length, then
 * UTF-8), then the status's wire bytes (Confluent wire format, as on {@code ribao.unit-day-status}) to the end.
 */
public final class UnitDayEntryCodec {

    private static final byte VERSION = 1;

    private final Deserializer<UnitDayStatus> statusReader;

    UnitDayEntryCodec(Deserializer<UnitDayStatus> statusReader) {
        this.statusReader = statusReader;
    }

    /** The store's value serde, reading statuses by the schema ids of {@code topics}' registry. */
    public static Serde<UnitDayEntry> serde(Topics topics) {
        UnitDayEntryCodec codec = new UnitDayEntryCodec(topics.unitDayStatus().valueSerde().deserializer());
        return new CodecSerde<>(codec::encode, codec::decode);
    }

    /**
     * The status sink's serde: the entry's status bytes as they are (serialised when the status was stored); it reads
     * nothing back.
     */
    public static Serde<UnitDayEntry> statusBytes() {
        return Serdes.serdeFrom((topic, entry) -> entry == null ? null : entry.statusBytes(), (topic, bytes) -> {
            throw new UnsupportedOperationException("the status sink only writes; read statuses as UnitDayStatus");
        });
    }

    byte[] encode(UnitDayEntry entry) {
        byte[] marks = entry.alertMarks().getBytes(StandardCharsets.UTF_8);
        byte[] status = entry.statusBytes();
        return new BinaryWriter(5 + marks.length + status.length)
                .writeByte(VERSION)
                .writeInt(marks.length)
                .write(marks)
                .write(status)
                .toByteArray();
    }

    UnitDayEntry decode(byte[] data) {
        BinaryReader in = new BinaryReader(data);
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IllegalArgumentException("unknown unit-day entry version " + version);
        }
        String marks = new String(in.readFully(in.readInt()), StandardCharsets.UTF_8);
        byte[] status = in.readFully(in.remaining());
        return new UnitDayEntry(statusReader.deserialize(Topics.UNIT_DAY_STATUS, status), status, marks);
    }
}
