package io.ribao.aggregation.rollup;

import io.ribao.aggregation.binary.BinaryReader;
import io.ribao.aggregation.binary.BinaryWriter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Bytes for {@link NodeTotals} in a state store: a version byte, the totals with their carriers, the node's own
 * contribution, the running sums over its direct children. Their size depends on the metrics and kinds, never on how
 * many children the node has. Version 2; version 1 (which carried every direct child) is not read: its store was
 * renamed (decision 260).
 */
public final class NodeTotalsCodec {

    private static final byte VERSION = 2;

    public byte[] encode(NodeTotals totals) {
        if (totals == null) {
            return null;
        }
        BinaryWriter out = new BinaryWriter(512).writeByte(VERSION);
        writeCarried(out, totals.metricSums(), totals.metricCarriers());
        ContributionCodec.writeCounts(out, totals.completeness());
        writeCarried(out, totals.targetSums(), totals.targetCarriers());
        out.writeInt(totals.targetsMet());
        out.writeInt(totals.targetsMissed());
        Optional<Contribution> own = totals.own();
        out.writeBoolean(own.isPresent());
        if (own.isPresent()) {
            ContributionCodec.write(out, own.get());
        }
        ContributionCodec.writeMap(out, totals.childSums());
        out.writeInt(totals.activeDirectChildren());
        out.writeLong(totals.activeDirectChildrenActivity());
        return out.toByteArray();
    }

    public NodeTotals decode(byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            BinaryReader in = new BinaryReader(data);
            ContributionCodec.checkVersion(in, VERSION, "node totals");
            TreeMap<String, Long> metricSums = new TreeMap<>();
            TreeMap<String, Integer> metricCarriers = new TreeMap<>();
            readCarried(in, metricSums, metricCarriers);
            CompletenessCounts completeness = ContributionCodec.readCounts(in);
            TreeMap<String, Long> targetSums = new TreeMap<>();
            TreeMap<String, Integer> targetCarriers = new TreeMap<>();
            readCarried(in, targetSums, targetCarriers);
            int met = in.readInt();
            int missed = in.readInt();
            Contribution own = in.readBoolean() ? ContributionCodec.read(in) : null;
            TreeMap<String, Long> childSums = ContributionCodec.readMap(in);
            int activeChildren = in.readInt();
            long activity = in.readLong();
            return new NodeTotals(metricSums, metricCarriers, completeness, targetSums, targetCarriers, met, missed,
                    own, childSums, activeChildren, activity);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("corrupt node totals bytes: " + e.getMessage(), e);
        }
    }

    private static void writeCarried(BinaryWriter out, Map<String, Long> sums, Map<String, Integer> carriers) {
        out.writeInt(carriers.size());
        for (Map.Entry<String, Integer> e : ContributionCodec.inCodeOrder(carriers)) {
            out.writeUTF(e.getKey());
            out.writeLong(sums.getOrDefault(e.getKey(), 0L));
            out.writeInt(e.getValue());
        }
    }

    private static void readCarried(BinaryReader in, TreeMap<String, Long> sums, TreeMap<String, Integer> carriers) {
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            String code = in.readUTF();
            sums.put(code, in.readLong());
            carriers.put(code, in.readInt());
        }
    }
}
