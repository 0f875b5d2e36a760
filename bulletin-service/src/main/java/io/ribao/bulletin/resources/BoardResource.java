package io.ribao.bulletin.resources;

import io.dropwizard.auth.Auth;
import io.ribao.bulletin.board.BoardEvents;
import io.ribao.bulletin.core.Instants;
import io.ribao.bulletin.core.Visibility;
import io.ribao.bulletin.db.BoardDao;
import io.ribao.kit.auth.RibaoPrincipal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** The live board (server-sent events) and the caller's in-app inbox. */
@Path("/api/v1")
public class BoardResource {

    private static final long HEARTBEAT_SECONDS = 15;

    private final Jdbi jdbi;
    private final BoardEvents events;

    public BoardResource(Jdbi jdbi, BoardEvents events) {
        this.jdbi = jdbi;
        this.events = events;
    }

    /** {@code data: {json}} per change the caller may see; a comment line every 15 s keeps proxies from closing it. */
    @GET
    @Path("/board/events")
    @Produces("text/event-stream")
    public Response stream(@Auth RibaoPrincipal caller) {
        BoardDao board = jdbi.onDemand(BoardDao.class);
        Visibility visibility = new Visibility(caller, board.unitsSupervisedBy(caller.userId()));
        Set<String> visible = board.allUnits().stream()
                .filter(u -> visibility.sees(u.unitId(), u.ancestorIds()))
                .map(BoardDao.UnitDay::unitId)
                .collect(Collectors.toUnmodifiableSet());
        StreamingOutput body = out -> {
            try (BoardEvents.Subscription subscription = events.subscribe(
                    unitId -> visibility.seesAll() || visible.contains(unitId))) {
                write(out, ": connected\n\n");
                while (true) {
                    String event = subscription.queue().poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                    if (event == null) {
                        write(out, ": heartbeat\n\n");
                    } else if (event.isEmpty()) {
                        return;
                    } else {
                        write(out, "data: " + event + "\n\n");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        return Response.ok(body, "text/event-stream;charset=UTF-8")
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The caller's in-app messages, newest first. */
    @GET
    @Path("/inbox")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> inbox(@Auth RibaoPrincipal caller) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, title, body, created_at FROM inbox WHERE recipient_id = :me
                ORDER BY created_at DESC, id DESC LIMIT 200""")
                .bind("me", caller.userId())
                .map((rs, ctx) -> Map.<String, Object>of("id", rs.getLong("id"), "title", rs.getString("title"),
                        "body", rs.getString("body"),
                        "createdAt", Instants.iso(rs.getTimestamp("created_at").toInstant())))
                .list());
    }
}
