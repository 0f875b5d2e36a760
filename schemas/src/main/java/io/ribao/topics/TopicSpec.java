package io.ribao.topics;

/** How a topic is created: its name and whether it is compacted (latest value per key) or a full log. */
public record TopicSpec(String name, boolean compacted) {
}
