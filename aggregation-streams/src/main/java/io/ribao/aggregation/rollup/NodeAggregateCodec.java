package io.ribao.aggregation.rollup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            List<Contribution> contributions = List.copyOf(aggregate.contributions());
            out.writeInt(contributions.size());
            for (Contribution c : contributions) {
                ContributionCodec.write(out, c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode node aggregate", e);
        }
        return bytes.toByteArray();
    }

    public NodeAggregate decode(byte[] data) {
        if (data == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            ContributionCodec.checkVersion(in, VERSION, "node aggregate");
            int count = in.readInt();
            List<Contribution> contributions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                contributions.add(ContributionCodec.read(in));
            }
            return new NodeAggregate(contributions);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt node aggregate bytes", e);
        }
    }
}
