package io.ribao.aggregation.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The stores and the roll-up topic keep their bytes: the writer and reader speak DataOutputStream's format. */
class BinaryFormatTest {

    private static final List<String> TEXTS = List.of("", "vil-000123", "inspections", "乡镇街道", "\u0000null",
            "\u007f\u0080\u07ff\u0800\uffff", "emoji \uD83D\uDE92 fire engine", "mixed 核酸 samples 7");

    @Test
    void writesTheBytesDataOutputStreamWrites() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            BinaryWriter actual = new BinaryWriter(1);
            try (DataOutputStream out = new DataOutputStream(expected)) {
                for (int field = 0; field < 20; field++) {
                    switch (random.nextInt(5)) {
                        case 0 -> {
                            int v = random.nextInt();
                            out.writeInt(v);
                            actual.writeInt(v);
                        }
                        case 1 -> {
                            long v = random.nextLong();
                            out.writeLong(v);
                            actual.writeLong(v);
                        }
                        case 2 -> {
                            boolean v = random.nextBoolean();
                            out.writeBoolean(v);
                            actual.writeBoolean(v);
                        }
                        case 3 -> {
                            int v = random.nextInt(256);
                            out.writeByte(v);
                            actual.writeByte(v);
                        }
                        default -> {
                            String v = randomText(random);
                            out.writeUTF(v);
                            actual.writeUTF(v);
                        }
                    }
                }
            }
            assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void readsWhatDataOutputStreamWrote() throws IOException {
        Random random = new Random(7);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Object> written = new ArrayList<>();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (int i = 0; i < 500; i++) {
                String text = randomText(random);
                long number = random.nextLong();
                out.writeUTF(text);
                out.writeLong(number);
                written.add(text);
                written.add(number);
            }
            out.writeInt(3);
            out.write(new byte[] {1, 2, 3});
        }
        byte[] data = bytes.toByteArray();
        BinaryReader reader = new BinaryReader(data);
        DataInputStream reference = new DataInputStream(new ByteArrayInputStream(data));
        for (int i = 0; i < written.size(); i += 2) {
            String text = reader.readUTF();
            assertThat(text).isEqualTo(written.get(i)).isEqualTo(reference.readUTF());
            assertThat(reader.readLong()).isEqualTo(written.get(i + 1)).isEqualTo(reference.readLong());
        }
        assertThat(reader.readFully(reader.readInt())).containsExactly(1, 2, 3);
    }

    @Test
    void bytesThatEndEarlyAreRefusedWithWhereTheyEnded() {
        byte[] whole = new BinaryWriter(8).writeUTF("inspections").writeLong(5).toByteArray();
        for (int cut = 0; cut < whole.length; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> {
                BinaryReader reader = new BinaryReader(truncated);
                reader.readUTF();
                reader.readLong();
            }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end early");
        }
    }

    @Test
    void malformedTextIsRefused() {
        byte[] loneContinuation = {0, 2, (byte) 0x80, 'a'};
        byte[] cutSequence = {0, 2, 'a', (byte) 0xE4};
        assertThatThrownBy(() -> new BinaryReader(loneContinuation).readUTF())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed text");
        assertThatThrownBy(() -> new BinaryReader(cutSequence).readUTF())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed text");
    }

    @Test
    void aStringLongerThanTheFormatAllowsIsRefused() {
        String tooLong = "核".repeat(21_846); // 65,538 bytes
        assertThatThrownBy(() -> new BinaryWriter(16).writeUTF(tooLong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65538 bytes");
        assertThat(new BinaryReader(new BinaryWriter(16).writeUTF("核".repeat(21_845)).toByteArray()).readUTF())
                .hasSize(21_845);
    }

    private static String randomText(Random random) {
        if (random.nextBoolean()) {
            return TEXTS.get(random.nextInt(TEXTS.size()));
        }
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(0x10000));
        }
        return text.toString();
    }
}
