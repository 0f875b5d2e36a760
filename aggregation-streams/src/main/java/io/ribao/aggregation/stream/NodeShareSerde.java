package io.ribao.aggregation.stream;

import io.ribao.aggregation.binary.BinaryReader;
import io.ribao.aggregation.binary.BinaryWriter;
import io.ribao.aggregation.rollup.Contribution;
import io.ribao.aggregation.rollup.ContributionCodec;
import io.ribao.aggregation.rollup.NodeTotalsCodec;
import io.ribao.schemas.roster.Unit;
import io.ribao.topics.Topic;
import java.time.LocalDate;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Bytes of a {@link NodeShare} on the internal roll-up repartition topic: a version byte, jurisdiction, date, then for
 * a {@link NodeContribution} (version 2) the contribution's fields ({@link ContributionCodec#write}) and the node's unit
 * in the wire format of the roster topic, or none; for a {@link NodeSubtotal} (version 3) the node, the source task
 * and the totals ({@link NodeTotalsCodec}). Version 1 carried the contribution as a length-prefixed encoded copy; it is
 * still read, so records left in the topic by that version are applied after an upgrade.
 */
public final class NodeShareSerde implements Serde<NodeShare> {

    private static final byte CONTRIBUTION = 2;
    private static final byte SUBTOTAL = 3;
    private static final byte CONTRIBUTION_1 = 1;

    private final ContributionCodec contributions = new ContributionCodec();
    private final NodeTotalsCodec totals = new NodeTotalsCodec();
    private final Topic<String, Unit> units;

    public NodeShareSerde(Topic<String, Unit> units) {
        this.units = units;
    }

    @Override
    public Serializer<NodeShare> serializer() {
        return (topic, value) -> value == null ? null : write(value);
    }

    @Override
    public Deserializer<NodeShare> deserializer() {
        return (topic, data) -> data == null ? null : read(data);
    }

    private byte[] write(NodeShare value) {
        return value instanceof NodeSubtotal subtotal ? write(subtotal) : write((NodeContribution) value);
    }

    private byte[] write(NodeContribution value) {
        BinaryWriter out = new BinaryWriter(value.nodeUnit() == null ? 192 : 512)
                .writeByte(CONTRIBUTION)
                .writeUTF(value.jurisdictionId())
                .writeUTF(value.date().toString());
        ContributionCodec.write(out, value.contribution());
        writeBytes(out, value.nodeUnit() == null ? null : units.serializeValue(value.nodeUnit()));
        return out.toByteArray();
    }

    private byte[] write(NodeSubtotal value) {
        BinaryWriter out = new BinaryWriter(256)
                .writeByte(SUBTOTAL)
                .writeUTF(value.jurisdictionId())
                .writeUTF(value.date().toString())
                .writeUTF(value.nodeId());
        out.writeInt(value.sourceTask());
        writeBytes(out, totals.encode(value.totals()));
        return out.toByteArray();
    }

    private NodeShare read(byte[] data) {
        try {
            BinaryReader in = new BinaryReader(data);
            byte version = in.readByte();
            if (version != CONTRIBUTION && version != SUBTOTAL && version != CONTRIBUTION_1) {
                throw new SerializationException("unknown node share format version " + version);
            }
            String jurisdictionId = in.readUTF();
            LocalDate date = LocalDate.parse(in.readUTF());
            if (version == SUBTOTAL) {
                String nodeId = in.readUTF();
                int task = in.readInt();
                return new NodeSubtotal(jurisdictionId, date, nodeId, task, totals.decode(readBytes(in)));
            }
            Contribution contribution = version == CONTRIBUTION_1
                    ? contributions.decode(readBytes(in)) : ContributionCodec.read(in);
            byte[] unit = readBytes(in);
            return new NodeContribution(jurisdictionId, date, contribution,
                    unit == null ? null : units.deserializeValue(unit));
        } catch (IllegalArgumentException e) {
            throw new SerializationException("corrupt node share: " + e.getMessage(), e);
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
