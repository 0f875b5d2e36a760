package io.ribao.aggregation.rollup;

import io.ribao.aggregation.binary.BinaryReader;
import io.ribao.aggregation.binary.BinaryWriter;
import io.ribao.schemas.roster.UnitKind;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Bytes for one {@link Contribution} (a version byte, then the fields), as stored per source beside
 * {@link NodeTotals}; the node codecs write contributions the same way.
 */
public final class ContributionCodec {

    private static final byte VERSION = 1;

    public byte[] encode(Contribution contribution) {
        if (contribution == null) {
            return null;
        }
        BinaryWriter out = new BinaryWriter(160).writeByte(VERSION);
        write(out, contribution);
        return out.toByteArray();
    }

    public Contribution decode(byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            BinaryReader in = new BinaryReader(data);
            checkVersion(in, VERSION, "contribution");
            return read(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("corrupt contribution bytes: " + e.getMessage(), e);
        }
    }

    static void checkVersion(BinaryReader in, byte expected, String what) {
        byte version = in.readByte();
        if (version != expected) {
            throw new IllegalArgumentException("unknown " + what + " format version " + version);
        }
    }

    /** Writes the fields without a version byte, inline in a larger record that has its own. */
    public static void write(BinaryWriter out, Contribution c) {
        out.writeUTF(c.nodeId());
        out.writeUTF(c.sourceUnitId());
        out.writeUTF(c.sourceKind().name());
        out.writeInt(c.depth());
        out.writeBoolean(c.signed());
        out.writeBoolean(c.zeroReport());
        writeMap(out, c.metrics());
        writeCounts(out, c.completeness());
        writeMap(out, c.targets());
        out.writeInt(c.targetsMet());
        out.writeInt(c.targetsMissed());
    }

    /** Reads what {@link #write} wrote. */
    public static Contribution read(BinaryReader in) {
        String nodeId = in.readUTF();
        String source = in.readUTF();
        UnitKind kind = UnitKind.valueOf(in.readUTF());
        int depth = in.readInt();
        boolean signed = in.readBoolean();
        boolean zeroReport = in.readBoolean();
        Map<String, Long> metrics = readImmutableMap(in);
        CompletenessCounts counts = readCounts(in);
        Map<String, Long> targets = readImmutableMap(in);
        return new Contribution(nodeId, source, kind, depth, signed, zeroReport, metrics, counts, targets,
                in.readInt(), in.readInt());
    }

    static void writeCounts(BinaryWriter out, CompletenessCounts k) {
        out.writeInt(k.expected()).writeInt(k.onTime()).writeInt(k.late()).writeInt(k.missing())
                .writeInt(k.pendingSignoff()).writeInt(k.unsigned()).writeInt(k.zeroReports());
    }

    static CompletenessCounts readCounts(BinaryReader in) {
        return new CompletenessCounts(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                in.readInt(), in.readInt());
    }

    /** Entries in code order, so equal maps give equal bytes. */
    static void writeMap(BinaryWriter out, Map<String, Long> map) {
        out.writeInt(map.size());
        for (Map.Entry<String, Long> e : inCodeOrder(map)) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue());
        }
    }

    /**
     * The entries in code order: a sorted map's own, else sorted in an array — a contribution's few figures are
     * written for the unit and each ancestor, and a tree per write was a measurable share of the stream thread.
     */
    @SuppressWarnings("unchecked")
    static <V> Iterable<Map.Entry<String, V>> inCodeOrder(Map<String, V> map) {
        if (map.size() < 2 || map instanceof SortedMap<String, V> sorted && sorted.comparator() == null) {
            return map.entrySet();
        }
        Map.Entry<String, V>[] entries = map.entrySet().toArray(new Map.Entry[0]);
        Arrays.sort(entries, Map.Entry.comparingByKey());
        return Arrays.asList(entries);
    }

    /** As {@link #readMap}, into the immutable map a {@link Contribution} keeps (so it is not copied again). */
    @SuppressWarnings("unchecked")
    static Map<String, Long> readImmutableMap(BinaryReader in) {
        int size = in.readInt();
        if (size < 0 || size > in.remaining() / 10) {
            throw new IllegalArgumentException("map of " + size + " entries in " + in.remaining() + " bytes");
        }
        Map.Entry<String, Long>[] entries = new Map.Entry[size];
        for (int i = 0; i < size; i++) {
            entries[i] = Map.entry(in.readUTF(), in.readLong());
        }
        return Map.ofEntries(entries);
    }

    static TreeMap<String, Long> readMap(BinaryReader in) {
        int size = in.readInt();
        TreeMap<String, Long> map = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            map.put(in.readUTF(), in.readLong());
        }
        return map;
    }
}
