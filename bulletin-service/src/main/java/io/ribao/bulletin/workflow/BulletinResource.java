package io.ribao.bulletin.workflow;

import io.dropwizard.auth.Auth;
import io.ribao.bulletin.core.Zones;
import io.ribao.bulletin.resources.Params;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.http.Source;
import io.ribao.kit.i18n.Text;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.bulletin.BulletinState;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The bulletin endpoints of DESIGN §8. Thin: parse, check, call {@link BulletinService}, answer. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class BulletinResource {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final int RECENT = 50;

    private final BulletinService service;
    private final RosterView roster;
    private final Zones zones;

    /** @param roster the service's live roster: the jurisdictions' wall-clock zones and the only jurisdiction */
    public BulletinResource(BulletinService service, RosterView roster) {
        this.service = service;
        this.roster = roster;
        this.zones = new Zones(roster);
    }

    @POST
    @Path("/days/{date}/bulletin")
    @RolesAllowed("OFFICE")
    public Response draft(@Auth RibaoPrincipal principal, @PathParam("date") String date,
                          @QueryParam("jurisdictionId") String jurisdictionId,
                          @Source String source) {
        LocalDate day = date(date, "date");
        String jurisdiction = jurisdictionOf(principal, Params.optionalText("jurisdictionId", jurisdictionId, 200));
        Bulletin b = answer(() -> service.draftNow(jurisdiction, day, actor(principal, source)));
        return Response.created(URI.create("/api/v1/bulletins/" + b.id())).entity(full(b)).build();
    }

    @GET
    @Path("/bulletins")
    @RolesAllowed({"OFFICE", "DIRECTOR", "LEADER"})
    public List<Map<String, Object>> list(@Auth RibaoPrincipal principal, @QueryParam("date") String date) {
        List<Bulletin> bulletins = date == null || date.isBlank()
                ? service.recent(RECENT) : service.onDay(date(date, "date"));
        return bulletins.stream()
                .filter(b -> mayRead(principal, b))
                .map(b -> BulletinView.summary(b, service.title(b), service.draftSha256(b), zones.of(b.jurisdictionId())))
                .toList();
    }

    @GET
    @Path("/bulletins/{id}")
    @RolesAllowed({"OFFICE", "DIRECTOR", "LEADER"})
    public Map<String, Object> get(@Auth RibaoPrincipal principal, @PathParam("id") String id) {
        return full(visible(principal, id));
    }

    @GET
    @Path("/bulletins/{id}/html")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @RolesAllowed({"OFFICE", "DIRECTOR", "LEADER"})
    public Response html(@Auth RibaoPrincipal principal, @PathParam("id") String id) {
        Bulletin b = visible(principal, id);
        return Response.ok(service.html(b).getBytes(StandardCharsets.UTF_8), MediaType.TEXT_HTML + ";charset=UTF-8")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .build();
    }

    @GET
    @Path("/bulletins/{id}/pdf")
    @Produces("application/pdf")
    @RolesAllowed({"OFFICE", "DIRECTOR", "LEADER"})
    public Response pdf(@Auth RibaoPrincipal principal, @PathParam("id") String id) {
        Bulletin b = visible(principal, id);
        return attachment(service.pdf(b), "application/pdf", b.id() + ".pdf");
    }

    @GET
    @Path("/bulletins/{id}/docx")
    @Produces(DOCX)
    @RolesAllowed({"OFFICE", "DIRECTOR", "LEADER"})
    public Response docx(@Auth RibaoPrincipal principal, @PathParam("id") String id) {
        Bulletin b = visible(principal, id);
        return attachment(service.docx(b), DOCX, b.id() + ".docx");
    }

    /**
     * Any authenticated user may try, as for release: a refusal is audited. The role is checked before the body is
     * read (a wrong role is 403 whatever it sent); the service answers another jurisdiction's bulletin as unknown.
     */
    @PUT
    @Path("/bulletins/{id}/narrative")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> narrative(@Auth RibaoPrincipal principal, @PathParam("id") String id,
                                         NarrativeEdit edit, @Source String source) {
        Actor editor = answer(() -> service.editor(id, actor(principal, source)));
        if (edit == null || edit.text() == null) {
            throw ApiException.invalid("text", Params.REQUIRED);
        }
        Params.storable("text", edit.text(), NarrativeEdit.MAX_LENGTH);
        return full(answer(() -> service.editNarrative(id, edit.text(), editor)));
    }

    /**
     * Any authenticated user may try, as for release: a refusal (wrong role, not a draft) is audited. An
     * {@code If-Match} with the draft's {@code draftSha256} approves only that content: a draft changed since
     * (409 {@code CHANGED_SINCE_REVIEW}) is left a draft (decision 431).
     */
    @POST
    @Path("/bulletins/{id}/approve")
    public Map<String, Object> approve(@Auth RibaoPrincipal principal, @PathParam("id") String id,
                                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Source String source) {
        String reviewed = reviewedSha256(ifMatch);
        return full(answer(() -> service.approve(id, actor(principal, source), reviewed)));
    }

    /** The entity tag of an If-Match, unquoted; null for none or "*" (any). */
    static String reviewedSha256(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (!tag.matches("[0-9a-f]{64}")) {
            throw ApiException.invalid("If-Match", Text.of("须为专报的 draftSha256（64 位十六进制）",
                    "must be the bulletin's draftSha256 (64 hex digits)"));
        }
        return tag;
    }

    /**
     * Any authenticated user may try: a refusal (wrong role, not approved) is audited, so it is not filtered out.
     * Another jurisdiction's bulletin is unknown here (404), as for approval.
     */
    @POST
    @Path("/bulletins/{id}/release")
    public Map<String, Object> release(@Auth RibaoPrincipal principal, @PathParam("id") String id,
                                       @Source String source) {
        return full(answer(() -> service.release(id, actor(principal, source))));
    }

    private Bulletin visible(RibaoPrincipal principal, String id) {
        return service.find(id).filter(b -> mayRead(principal, b))
                .orElseThrow(() -> ApiException.notFound(UnknownBulletin.textOf(id)));
    }

    /**
     * Own jurisdiction only; leaders read a bulletin once it is released — nothing reaches them before approval
     * and release (所有信息必须通过审核同意后才能对外发布).
     */
    private static boolean mayRead(RibaoPrincipal principal, Bulletin b) {
        if (principal.jurisdictionId() != null && !principal.jurisdictionId().equals(b.jurisdictionId())) {
            return false;
        }
        return principal.role() != Role.LEADER || b.state() == BulletinState.RELEASED;
    }

    private Map<String, Object> full(Bulletin b) {
        return BulletinView.full(b, service.title(b), service.draftSha256(b), zones.of(b.jurisdictionId()), service.json(),
                service.receipts(b.id()));
    }

    private String jurisdictionOf(RibaoPrincipal principal, String requested) {
        if (requested != null && !requested.isBlank()) {
            if (principal.jurisdictionId() != null && !principal.jurisdictionId().equals(requested)) {
                throw ApiException.forbidden(Text.of("指挥部办公室只能起草本辖区的专报",
                        "the command office drafts only its own jurisdiction's bulletin"));
            }
            return requested;
        }
        if (principal.jurisdictionId() != null) {
            return principal.jurisdictionId();
        }
        Jurisdiction only = roster.onlyJurisdiction();
        if (only == null) {
            throw ApiException.invalid("jurisdictionId", Text.of("有多个辖区时必填", "is required when there are several"));
        }
        return only.getId();
    }

    /** Turns the workflow's refusals into the API's error answers. */
    private static <T> T answer(Supplier<T> step) {
        try {
            return step.get();
        } catch (BulletinConflict e) {
            throw ApiException.conflict(e.code(), e.text());
        } catch (NotPermitted e) {
            throw ApiException.forbidden(e.text());
        } catch (UnknownBulletin e) {
            throw ApiException.notFound(e.text());
        } catch (UnknownJurisdiction e) {
            throw ApiException.notFound(e.text());
        }
    }

    private static Actor actor(RibaoPrincipal principal, String source) {
        return new Actor(principal.userId(), principal.role().name(), principal.jurisdictionId(), source);
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ApiException(400, "MALFORMED", Text.of("请求格式有误", "the request is malformed"), field,
                    Params.NOT_A_DATE);
        }
    }

    private static Response attachment(byte[] body, String type, String filename) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
