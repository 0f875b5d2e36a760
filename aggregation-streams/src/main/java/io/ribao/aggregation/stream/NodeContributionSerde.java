package io.ribao.aggregation.stream;

import io.ribao.aggregation.rollup.Contribution;
import io.ribao.aggregation.rollup.ContributionCodec;
import io.ribao.schemas.roster.Unit;
import io.ribao.topics.Topic;
import io.ribao.aggregation.binary.BinaryReader;
import io.ribao.aggregation.binary.BinaryWriter;
import java.time.LocalDate;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Bytes of a {@link NodeContribution} on the internal roll-up repartition topic: a version byte, jurisdiction, date,
 * the contribution's fields ({@link ContributionCodec#write}) and the node's unit in the wire format of the roster
 * topic, or none. Version 1 carried the contribution as a length-prefixed encoded copy; it is still read, so records
 * left in the topic by the previous version are applied after an upgrade.
 */
public final class NodeContributionSerde implements Serde<NodeContribution> {

    private static final byte VERSION = 2;
    private static final byte VERSION_1 = 1;

    private final ContributionCodec contributions = new ContributionCodec();
    private final Topic<String, Unit> units;

    public NodeContributionSerde(Topic<String, Unit> units) {
        this.units = units;
    }

    @Override
    public Serializer<NodeContribution> serializer() {
        return (topic, value) -> value == null ? null : write(value);
    }

    @Override
    public Deserializer<NodeContribution> deserializer() {
        return (topic, data) -> data == null ? null : read(data);
    }

    private byte[] write(NodeContribution value) {
        BinaryWriter out = new BinaryWriter(value.nodeUnit() == null ? 192 : 512)
                .writeByte(VERSION)
                .writeUTF(value.jurisdictionId())
                .writeUTF(value.date().toString());
        ContributionCodec.write(out, value.contribution());
        writeBytes(out, value.nodeUnit() == null ? null : units.serializeValue(value.nodeUnit()));
        return out.toByteArray();
    }

    private NodeContribution read(byte[] data) {
        try {
            BinaryReader in = new BinaryReader(data);
            byte version = in.readByte();
            if (version != VERSION && version != VERSION_1) {
                throw new SerializationException("unknown node contribution format version " + version);
            }
            String jurisdictionId = in.readUTF();
            LocalDate date = LocalDate.parse(in.readUTF());
            Contribution contribution = version == VERSION_1
                    ? contributions.decode(readBytes(in)) : ContributionCodec.read(in);
            byte[] unit = readBytes(in);
            return new NodeContribution(jurisdictionId, date, contribution,
                    unit == null ? null : units.deserializeValue(unit));
        } catch (IllegalArgumentException e) {
            throw new SerializationException("corrupt node contribution: " + e.getMessage(), e);
        }
    }

    private static void writeBytes(BinaryWriter out, byte[] bytes) {
        if (bytes == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(BinaryReader in) {
        int length = in.readInt();
        return length < 0 ? null : in.readFully(length);
    }
}
