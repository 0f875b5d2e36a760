package io.ribao.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

    private static final String FIXED = "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\n"
            + "Content-Length: 17\r\n\r\n{\"status\":\"SENT\"}";
    private static final String CHUNKED = "HTTP/1.1 422 Unprocessable Entity\r\nTransfer-Encoding: chunked\r\n"
            + "Connection: close\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n";

    @Test
    void anAnswerIsCompleteOnlyWhenItsLastByteHasArrived() throws IOException {
        for (String answer : new String[] {FIXED, CHUNKED}) {
            byte[] bytes = answer.getBytes(StandardCharsets.ISO_8859_1);
            for (int split = 0; split < bytes.length; split++) {
                ResponseReader reader = new ResponseReader();
                reader.add(Arrays.copyOfRange(bytes, 0, split));
                assertThat(reader.complete()).as("%d of %d bytes", split, bytes.length).isFalse();
                reader.add(Arrays.copyOfRange(bytes, split, bytes.length));
                assertThat(reader.complete()).isTrue();
            }
        }
    }

    @Test
    void theStatusAndTheConnectionHeaderAreRead() throws IOException {
        ResponseReader reader = new ResponseReader();
        reader.add(CHUNKED.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(reader.complete()).isTrue();
        assertThat(reader.status()).isEqualTo(422);
        assertThat(reader.closeAfter()).isTrue();
    }

    @Test
    void bytesAfterAnAnswerBelongToTheNext() throws IOException {
        ResponseReader reader = new ResponseReader();
        reader.add((FIXED + CHUNKED.substring(0, 20)).getBytes(StandardCharsets.ISO_8859_1));
        assertThat(reader.complete()).isTrue();
        assertThat(reader.status()).isEqualTo(202);
        assertThat(reader.closeAfter()).isFalse();
        reader.next();
        assertThat(reader.complete()).isFalse();
        reader.add(CHUNKED.substring(20).getBytes(StandardCharsets.ISO_8859_1));
        assertThat(reader.complete()).isTrue();
        assertThat(reader.status()).isEqualTo(422);
    }

    @Test
    void anAnswerWithoutFramingIsRefused() {
        ResponseReader reader = new ResponseReader();
        reader.add("HTTP/1.1 200 OK\r\n\r\nbody".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(reader::complete).hasMessageContaining("neither Content-Length nor chunked");
    }
}
