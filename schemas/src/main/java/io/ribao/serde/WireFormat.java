package io.ribao.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte {@code 0x00}, the schema id as a big-endian int32, then the Avro binary
 * body.
 */
public final class WireFormat {

    public static final byte MAGIC = 0x00;
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    /** Writes the magic byte and the schema id (big-endian), {@link #HEADER_LENGTH} bytes. */
    public static void writeHeader(OutputStream out, int schemaId) throws IOException {
        out.write(MAGIC);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /** The schema id of a framed value; the buffer is left positioned at the Avro body. */
    public static int readHeader(ByteBuffer buffer) {
        if (buffer.remaining() < HEADER_LENGTH) {
            throw new SerializationException("value of " + buffer.remaining() + " bytes is shorter than the wire-format header");
        }
        byte magic = buffer.get();
        if (magic != MAGIC) {
            throw new SerializationException("unknown magic byte " + magic + " (expected 0)");
        }
        return buffer.getInt();
    }
}
