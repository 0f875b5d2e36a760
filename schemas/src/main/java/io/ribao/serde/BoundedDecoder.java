package io.ribao.serde;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.SystemLimitException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * A decoder of one value's bytes that refuses a string or bytes length running past their end. Avro's
 * {@link BinaryDecoder} allocates the length it reads before it reads the bytes, so a corrupt length (up to 2 GB)
 * was an {@link OutOfMemoryError} instead of a refused record (decision 444). Avro's resolving reader reads through
 * one; the {@link CompiledReader} calls the same reads itself.
 */
final class BoundedDecoder extends Decoder {

    private final BinaryDecoder in;

    BoundedDecoder(BinaryDecoder in) {
        this.in = in;
    }

    /** The bytes of a string value. */
    static byte[] stringBytes(BinaryDecoder in) throws IOException {
        return readBytes(SystemLimitException.checkMaxStringLength(in.readLong()), in);
    }

    /** The bytes of a bytes value. */
    static byte[] bytes(BinaryDecoder in) throws IOException {
        return readBytes(SystemLimitException.checkMaxBytesLength(in.readLong()), in);
    }

    private static byte[] readBytes(int length, BinaryDecoder in) throws IOException {
        int left = in.inputStream().available();   // a decoder of a byte array has all of them in its buffer
        if (length > left) {
            throw new EOFException("a length of " + length + " bytes with " + left + " left");
        }
        byte[] bytes = new byte[length];
        in.readFixed(bytes, 0, length);
        return bytes;
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        return new Utf8(stringBytes(in));
    }

    @Override
    public String readString() throws IOException {
        return new String(stringBytes(in), StandardCharsets.UTF_8);
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        return ByteBuffer.wrap(bytes(in));
    }

    // everything else as the binary decoder reads it

    @Override
    public void readNull() throws IOException {
        in.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return in.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return in.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return in.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return in.readDouble();
    }

    @Override
    public void skipString() throws IOException {
        in.skipString();
    }

    @Override
    public void skipBytes() throws IOException {
        in.skipBytes();
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        in.readFixed(bytes, start, length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        in.skipFixed(length);
    }

    @Override
    public int readEnum() throws IOException {
        return in.readEnum();
    }

    @Override
    public long readArrayStart() throws IOException {
        return in.readArrayStart();
    }

    @Override
    public long arrayNext() throws IOException {
        return in.arrayNext();
    }

    @Override
    public long skipArray() throws IOException {
        return in.skipArray();
    }

    @Override
    public long readMapStart() throws IOException {
        return in.readMapStart();
    }

    @Override
    public long mapNext() throws IOException {
        return in.mapNext();
    }

    @Override
    public long skipMap() throws IOException {
        return in.skipMap();
    }

    @Override
    public int readIndex() throws IOException {
        return in.readIndex();
    }
}
