package io.ribao.bulletin.resources;

import io.dropwizard.auth.Auth;
import io.ribao.bulletin.core.Instants;
import io.ribao.bulletin.core.Zones;
import io.ribao.kit.audit.Audit;
import io.ribao.kit.audit.AuditRecords;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.http.Source;
import io.ribao.kit.i18n.Text;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The caller's in-app inbox (the live board stream is {@link io.ribao.bulletin.board.BoardEventsServlet}). */
@Path("/api/v1")
public class BoardResource {

    private final Jdbi jdbi;
    private final Zones zones;
    private final Clock clock;
    private final Audit audit;

    public BoardResource(Jdbi jdbi, Zones zones, Clock clock, Audit audit) {
        this.jdbi = jdbi;
        this.zones = zones;
        this.clock = clock;
        this.audit = audit;
    }

    /** The caller's in-app messages, newest first, dated in the caller's jurisdiction's wall-clock time. */
    @GET
    @Path("/inbox")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> inbox(@Auth RibaoPrincipal caller) {
        ZoneId zone = zones.of(caller.jurisdictionId());
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, title, body, created_at FROM inbox WHERE recipient_id = :me
                ORDER BY created_at DESC, id DESC LIMIT 200""")
                .bind("me", caller.userId())
                .map((rs, ctx) -> Map.<String, Object>of("id", rs.getLong("id"), "title", rs.getString("title"),
                        "body", rs.getString("body"),
                        "createdAt", Instants.iso(rs.getTimestamp("created_at").toInstant(), zone)))
                .list());
    }

    /** Marks one of the caller's own in-app messages read (the bulletin's receipts show it); audited. */
    @POST
    @Path("/inbox/{id}/read")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> read(@Auth RibaoPrincipal caller, @PathParam("id") String idParam,
                                    @Source String source) {
        long id = Params.id("id", idParam);
        int changed = jdbi.withHandle(h -> h.createUpdate("""
                UPDATE inbox SET read_at = coalesce(read_at, :at) WHERE id = :id AND recipient_id = :me""")
                .bind("at", clock.instant()).bind("id", id).bind("me", caller.userId()).execute());
        if (changed == 0) {
            throw ApiException.notFound(Text.of("您的消息中没有第 " + id + " 条",
                    "no message " + id + " in your inbox"));
        }
        audit.record(new AuditRecords(clock).of(caller, "INBOX_READ", String.valueOf(id), AuditRecords.ACCEPTED,
                source, Map.of()));
        return Map.of("id", id, "read", true);
    }
}
