package io.ribao.aggregation.binary;

import java.util.Arrays;

/**
 * Writes the byte format of {@link java.io.DataOutputStream} (big-endian numbers, strings as a two-byte length and
 * modified UTF-8) straight into a growing array: the state stores and the roll-up topic keep the bytes they always
 * had, without a stream, a lock and a copy per field. Not thread-safe; one per encoding.
 */
public final class BinaryWriter {

    private byte[] buffer;
    private int size;

    public BinaryWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    public BinaryWriter writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public BinaryWriter writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    public BinaryWriter writeInt(int value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    public BinaryWriter writeLong(long value) {
        writeInt((int) (value >>> 32));
        return writeInt((int) value);
    }

    /** As {@link java.io.DataOutputStream#writeUTF}: at most 65,535 encoded bytes. */
    public BinaryWriter writeUTF(String value) {
        int length = value.length();
        int encoded = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            encoded += c >= 1 && c <= 0x7F ? 1 : c <= 0x7FF ? 2 : 3;
        }
        if (encoded > 0xFFFF) {
            throw new IllegalArgumentException("string too long to encode: " + encoded + " bytes");
        }
        ensure(2 + encoded);
        buffer[size++] = (byte) (encoded >>> 8);
        buffer[size++] = (byte) encoded;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 1 && c <= 0x7F) {
                buffer[size++] = (byte) c;
            } else if (c <= 0x7FF) {
                buffer[size++] = (byte) (0xC0 | (c >> 6));
                buffer[size++] = (byte) (0x80 | (c & 0x3F));
            } else {
                buffer[size++] = (byte) (0xE0 | (c >> 12));
                buffer[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return this;
    }

    public BinaryWriter write(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
