package io.ribao.aggregation.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class OfTypeTest {

    @Test
    void passesOnTheRecordsOfItsTypeUnchangedAndDropsTheRest() {
        OfType<String> strings = new OfType<>(String.class);
        MockProcessorContext<String, String> context = new MockProcessorContext<>();
        strings.init(context);
        Record<String, Object> text = new Record<>("a", "text", 10L, new RecordHeaders().add("h", new byte[] {1}));

        strings.process(text);
        strings.process(new Record<>("b", 42L, 11L));
        strings.process(new Record<>("c", null, 12L));

        List<CapturedForward<? extends String, ? extends String>> forwarded = context.forwarded();
        assertThat(forwarded).hasSize(1);
        // The very record, headers and timestamp included: no copy on the way to the sink.
        assertThat((Object) forwarded.get(0).record()).isSameAs(text);
        assertThat(forwarded.get(0).childName()).isEmpty();
    }
}
