package io.ribao.ingest.resources;

import io.dropwizard.auth.Auth;
import io.ribao.ingest.api.FormView;
import io.ribao.ingest.api.UnitView;
import io.ribao.ingest.core.ReportValidator;
import io.ribao.ingest.roster.InvalidRosterException;
import io.ribao.ingest.roster.Roster;
import io.ribao.ingest.roster.RosterLoader;
import io.ribao.ingest.roster.RosterPublisher;
import io.ribao.kit.audit.AuditRecords;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.http.Source;
import io.ribao.kit.i18n.Text;
import io.ribao.kit.roster.RosterView;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Unit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;

/** {@code /api/v1/roster}: reload (ADMIN) and read forms and units. */
@Path("/v1/roster")
@Produces(MediaType.APPLICATION_JSON)
public final class RosterResource {

    private final RosterLoader loader;
    private final RosterPublisher publisher;
    private final RosterView roster;
    private final AuditRecords auditRecords;
    private final Duration budget;

    public RosterResource(RosterLoader loader, RosterPublisher publisher, RosterView roster,
                          AuditRecords auditRecords, Duration budget) {
        this.loader = loader;
        this.publisher = publisher;
        this.roster = roster;
        this.auditRecords = auditRecords;
        this.budget = budget;
    }

    @POST
    @RolesAllowed("ADMIN")
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    public Response reload(@Auth RibaoPrincipal actor, String yaml, @Source String source) {
        RosterPublisher.Published published;
        try {
            Roster parsed = loader.load(yaml == null ? "" : yaml);
            // the audit record is committed with the roster itself: both are in force, or neither (decision 421);
            // the jurisdiction boundary is checked inside the publish, on the roster as committed (decision 423)
            published = publisher.publish(parsed, budget, p -> auditRecords.of(actor,
                    "ROSTER_RELOAD", p.jurisdictionId(), AuditRecords.ACCEPTED, source,
                    Map.of("version", String.valueOf(p.version()), "units", String.valueOf(p.units()),
                            "users", String.valueOf(p.users()), "forms", String.valueOf(p.forms()))));
        } catch (InvalidRosterException e) {
            throw ApiException.withFieldTexts(422, "INVALID_ROSTER", Text.of("名册有误，未发布任何内容",
                    "the roster is invalid; nothing was published"),
                    e.problems().stream().map(p -> new ApiException.FieldText(p.path(), p.message())).toList());
        }
        // 202: committed, but this replica's view had not shown it when the budget ran out
        return Response.status(published.inForceHere() ? 200 : 202).entity(published).build();
    }

    @GET
    @Path("/forms/{formId}")
    public FormView form(@Auth RibaoPrincipal actor, @PathParam("formId") String formId) {
        Form form = roster.form(formId);
        if (form == null) {
            throw ApiException.notFound(Text.of("没有表单“" + shorten(formId) + "”", "no form '" + shorten(formId) + "'"));
        }
        return FormView.of(form, ReportValidator.DEFAULT_MAX);
    }

    @GET
    @Path("/units/{unitId}")
    public UnitView unit(@Auth RibaoPrincipal actor, @PathParam("unitId") String unitId) {
        Unit unit = roster.unit(unitId);
        if (unit == null) {
            throw ApiException.notFound(Text.of("没有单位“" + shorten(unitId) + "”", "no unit '" + shorten(unitId) + "'"));
        }
        return UnitView.of(unit);
    }

    private static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
