package io.ribao.aggregation.rollup;

import io.ribao.aggregation.binary.BinaryReader;
import io.ribao.aggregation.binary.BinaryWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes for a {@link NodeAggregate} in a state store. A small hand-written binary format (version byte first) rather
 * than JSON because the aggregate of a high node is rewritten on every report below it.
 */
public final class NodeAggregateCodec {

    private static final byte VERSION = 1;

    public byte[] encode(NodeAggregate aggregate) {
        if (aggregate == null) {
            return null;
        }
        List<Contribution> contributions = List.copyOf(aggregate.contributions());
        BinaryWriter out = new BinaryWriter(64 + contributions.size() * 160)
                .writeByte(VERSION)
                .writeInt(contributions.size());
        for (Contribution c : contributions) {
            ContributionCodec.write(out, c);
        }
        return out.toByteArray();
    }

    public NodeAggregate decode(byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            BinaryReader in = new BinaryReader(data);
            ContributionCodec.checkVersion(in, VERSION, "node aggregate");
            int count = in.readInt();
            List<Contribution> contributions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                contributions.add(ContributionCodec.read(in));
            }
            return new NodeAggregate(contributions);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("corrupt node aggregate bytes: " + e.getMessage(), e);
        }
    }
}
