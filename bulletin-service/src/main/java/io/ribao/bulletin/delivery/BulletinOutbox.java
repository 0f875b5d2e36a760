package io.ribao.bulletin.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ribao.bulletin.db.JsonColumns;
import io.ribao.bulletin.workflow.BulletinDelivery;
import io.ribao.bulletin.workflow.ReleasedBulletin;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A released bulletin through the same outbox as alerts: every bulletin recipient on the in-app inbox and their own
 * channels, and the upstream office (州指挥部) on the roster's upstream channel. Keys are per bulletin, recipient
 * and channel, so releasing twice sends nothing twice. Every row carries the frozen content and its approved hash
 * (the JSON webhook sends them; the email channel renders the bulletin from them when it sends, decision 426).
 */
public final class BulletinOutbox implements BulletinDelivery {

    public static final String UPSTREAM = "upstream";

    private final Clock clock;
    private final BulletinComposer composer = new BulletinComposer();

    public BulletinOutbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void enqueue(Handle transaction, ReleasedBulletin bulletin) {
        DeliveryDao dao = transaction.attach(DeliveryDao.class);
        Instant now = clock.instant();
        Message message = composer.compose(bulletin);
        for (String recipient : bulletin.recipientUserIds()) {
            List<ChannelSpec> specs = new ArrayList<>();
            specs.add(ChannelSpec.IN_APP);
            dao.channelsOf(recipient).ifPresent(j ->
                    specs.addAll(JsonColumns.read(j, new TypeReference<List<ChannelSpec>>() { })));
            for (ChannelSpec spec : specs) {
                enqueue(dao, bulletin, recipient, spec, message, now);
            }
        }
        if (bulletin.upstreamChannelJson() != null && !bulletin.upstreamChannelJson().isBlank()) {
            ChannelSpec upstream = JsonColumns.read(bulletin.upstreamChannelJson(),
                    new TypeReference<ChannelSpec>() { });
            enqueue(dao, bulletin, UPSTREAM, upstream, message, now);
        }
    }

    private static void enqueue(DeliveryDao dao, ReleasedBulletin bulletin, String recipient, ChannelSpec spec,
                                Message message, Instant now) {
        dao.enqueue(new DeliveryDao.NewMessage("bulletin|" + bulletin.bulletinId() + "|" + recipient + "|"
                + spec.id(), message.kind(), recipient, JsonColumns.write(spec), message.title(), message.text(),
                JsonColumns.write(Dispatcher.messageColumns(message)), now));
    }

}
