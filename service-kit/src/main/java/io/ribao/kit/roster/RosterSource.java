package io.ribao.kit.roster;

import java.util.Collection;

/** Latest value per id of one roster topic (a {@link io.ribao.topics.TopicView}, or a fixed map in tests). */
public interface RosterSource<V> {

    V get(String id);

    Collection<V> values();
}
