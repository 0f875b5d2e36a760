package io.ribao.aggregation.binary;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link BinaryWriter} (or a {@link java.io.DataOutputStream}) wrote, straight from the array. Bytes that
 * end too early or hold malformed text are refused with an {@link IllegalArgumentException}. Not thread-safe.
 */
public final class BinaryReader {

    private final byte[] data;
    private int position;

    public BinaryReader(byte[] data) {
        this.data = data;
    }

    public byte readByte() {
        need(1);
        return data[position++];
    }

    public boolean readBoolean() {
        return readByte() != 0;
    }

    public int readInt() {
        need(4);
        int value = (data[position] & 0xFF) << 24 | (data[position + 1] & 0xFF) << 16
                | (data[position + 2] & 0xFF) << 8 | (data[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    public long readLong() {
        return (long) readInt() << 32 | (readInt() & 0xFFFFFFFFL);
    }

    /** As {@link java.io.DataInputStream#readUTF}. */
    public String readUTF() {
        need(2);
        int length = (data[position] & 0xFF) << 8 | (data[position + 1] & 0xFF);
        position += 2;
        need(length);
        int start = position;
        int end = start + length;
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            if (data[i] <= 0) {
                ascii = false;
                break;
            }
        }
        position = end;
        return ascii ? new String(data, start, length, StandardCharsets.ISO_8859_1) : modifiedUtf8(start, end);
    }

    /** Bytes not read yet. */
    public int remaining() {
        return data.length - position;
    }

    public byte[] readFully(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        need(length);
        byte[] bytes = new byte[length];
        System.arraycopy(data, position, bytes, 0, length);
        position += length;
        return bytes;
    }

    private String modifiedUtf8(int start, int end) {
        char[] chars = new char[end - start];
        int count = 0;
        int i = start;
        while (i < end) {
            int b = data[i] & 0xFF;
            if (b >= 1 && b <= 0x7F) {
                chars[count++] = (char) b;
                i++;
            } else if ((b & 0xE0) == 0xC0) {
                continuation(i + 1, end);
                chars[count++] = (char) ((b & 0x1F) << 6 | (data[i + 1] & 0x3F));
                i += 2;
            } else if ((b & 0xF0) == 0xE0) {
                continuation(i + 1, end);
                continuation(i + 2, end);
                chars[count++] = (char) ((b & 0x0F) << 12 | (data[i + 1] & 0x3F) << 6 | (data[i + 2] & 0x3F));
                i += 3;
            } else {
                throw new IllegalArgumentException("malformed text at byte " + i);
            }
        }
        return new String(chars, 0, count);
    }

    private void continuation(int index, int end) {
        if (index >= end || (data[index] & 0xC0) != 0x80) {
            throw new IllegalArgumentException("malformed text at byte " + index);
        }
    }

    private void need(int bytes) {
        if (bytes > data.length - position) {
            throw new IllegalArgumentException(
                    "bytes end early: " + bytes + " more needed at " + position + " of " + data.length);
        }
    }
}
