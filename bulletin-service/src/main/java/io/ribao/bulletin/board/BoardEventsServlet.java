package io.ribao.bulletin.board;

import io.ribao.bulletin.core.Visibility;
import io.ribao.bulletin.db.BoardDao;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.auth.TokenAuthenticator;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /api/v1/board/events}: server-sent events of the changes the caller may see (within its own
 * jurisdiction, decision 433), one {@code data:} line of JSON per change and a comment every 15 s. A servlet rather
 * than a Jersey resource because Jersey buffers a streamed entity and the first event would wait for the buffer to
 * fill; authentication is the same bearer token.
 */
public final class BoardEventsServlet extends HttpServlet {

    private static final long HEARTBEAT_SECONDS = 15;

    private final transient Jdbi jdbi;
    private final transient BoardEvents events;
    private final transient TokenAuthenticator authenticator;

    public BoardEventsServlet(Jdbi jdbi, BoardEvents events, TokenAuthenticator authenticator) {
        this.jdbi = jdbi;
        this.events = events;
        this.authenticator = authenticator;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<RibaoPrincipal> caller = authenticate(request.getHeader("Authorization"));
        if (caller.isEmpty()) {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"ribao\"");
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(
                    "{\"code\":\"UNAUTHORIZED\",\"message\":\"a valid bearer token is required\",\"errors\":[]}"
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        BoardDao board = jdbi.onDemand(BoardDao.class);
        Visibility visibility = new Visibility(caller.get(), board.unitsSupervisedBy(caller.get().userId()));
        Set<String> visible = board.allUnits().stream()
                .filter(u -> visibility.sees(u.jurisdictionId(), u.unitId(), u.ancestorIds()))
                .map(BoardDao.UnitDay::unitId)
                .collect(Collectors.toUnmodifiableSet());

        response.setStatus(200);
        response.setContentType("text/event-stream;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        OutputStream out = response.getOutputStream();
        // a unit added to the caller's jurisdiction after the stream opened is still shown to its office
        try (BoardEvents.Subscription subscription = events.subscribe((jurisdictionId, unitId) ->
                visibility.seesEveryUnitOf(jurisdictionId)
                        || visibility.seesJurisdiction(jurisdictionId) && visible.contains(unitId))) {
            write(response, out, ": connected\n\n");
            while (true) {
                String event = subscription.queue().poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (event == null) {
                    write(response, out, ": heartbeat\n\n");
                } else if (event.isEmpty()) {
                    return;
                } else {
                    write(response, out, "data: " + event + "\n\n");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<RibaoPrincipal> authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return authenticator.authenticate(header.substring(7));
    }

    private static void write(HttpServletResponse response, OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        response.flushBuffer();
    }
}
