package io.ribao.bulletin.resources;

import io.dropwizard.auth.Auth;
import io.ribao.bulletin.core.Instants;
import io.ribao.kit.auth.RibaoPrincipal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The caller's in-app inbox (the live board stream is {@link io.ribao.bulletin.board.BoardEventsServlet}). */
@Path("/api/v1")
public class BoardResource {

    private final Jdbi jdbi;

    public BoardResource(Jdbi jdbi) {
        this.jdbi = jdbi;
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
