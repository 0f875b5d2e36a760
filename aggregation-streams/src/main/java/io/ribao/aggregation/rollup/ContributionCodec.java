package io.ribao.aggregation.rollup;

import io.ribao.schemas.roster.UnitKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            write(out, contribution);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode contribution", e);
        }
        return bytes.toByteArray();
    }

    public Contribution decode(byte[] data) {
        if (data == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            checkVersion(in, VERSION, "contribution");
            return read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt contribution bytes", e);
        }
    }

    static void checkVersion(DataInputStream in, byte expected, String what) throws IOException {
        byte version = in.readByte();
        if (version != expected) {
            throw new IllegalArgumentException("unknown " + what + " format version " + version);
        }
    }

    /** Writes the fields without a version byte, inline in a larger record that has its own. */
    public static void write(DataOutputStream out, Contribution c) throws IOException {
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
    public static Contribution read(DataInputStream in) throws IOException {
        String nodeId = in.readUTF();
        String source = in.readUTF();
        UnitKind kind = UnitKind.valueOf(in.readUTF());
        int depth = in.readInt();
        boolean signed = in.readBoolean();
        boolean zeroReport = in.readBoolean();
        Map<String, Long> metrics = readMap(in);
        CompletenessCounts counts = readCounts(in);
        Map<String, Long> targets = readMap(in);
        return new Contribution(nodeId, source, kind, depth, signed, zeroReport, metrics, counts, targets,
                in.readInt(), in.readInt());
    }

    static void writeCounts(DataOutputStream out, CompletenessCounts k) throws IOException {
        for (int n : new int[] {k.expected(), k.onTime(), k.late(), k.missing(), k.pendingSignoff(), k.unsigned(),
                k.zeroReports()}) {
            out.writeInt(n);
        }
    }

    static CompletenessCounts readCounts(DataInputStream in) throws IOException {
        return new CompletenessCounts(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                in.readInt(), in.readInt());
    }

    static void writeMap(DataOutputStream out, Map<String, Long> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, Long> e : new TreeMap<>(map).entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue());
        }
    }

    static TreeMap<String, Long> readMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        TreeMap<String, Long> map = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            map.put(in.readUTF(), in.readLong());
        }
        return map;
    }
}
