package io.ribao.ingest.resources;

import io.dropwizard.auth.Auth;
import io.ribao.ingest.api.ReportReceipt;
import io.ribao.ingest.api.ReportRequest;
import io.ribao.ingest.api.RevisionView;
import io.ribao.ingest.core.Messages;
import io.ribao.ingest.core.ReportHistory;
import io.ribao.ingest.core.ReportIntake;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.http.SourceAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /api/v1/reports}: submit, sign off, list a unit's revisions (DESIGN.md §8). */
@Path("/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public final class ReportResource {

    private final ReportIntake intake;
    private final ReportHistory history;

    public ReportResource(ReportIntake intake, ReportHistory history) {
        this.intake = intake;
        this.history = history;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@Auth RibaoPrincipal actor, ReportRequest request,
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
                           @Context HttpServletRequest http) {
        Messages messages = Messages.forAcceptLanguage(language);
        if (request == null) {
            throw ApiException.invalid("body", messages.get("field.required"));
        }
        ReportReceipt receipt = intake.submit(actor, request, blankToNull(idempotencyKey), SourceAddress.of(http),
                messages);
        return Response.accepted(receipt).build();
    }

    @POST
    @Path("/{reportId}/sign-off")
    public ReportReceipt signOff(@Auth RibaoPrincipal actor, @PathParam("reportId") String reportId,
                                 @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
                                 @Context HttpServletRequest http) {
        return intake.signOff(actor, reportId, SourceAddress.of(http), Messages.forAcceptLanguage(language));
    }

    @GET
    public List<RevisionView> revisions(@Auth RibaoPrincipal actor, @QueryParam("unitId") String unitId,
                                        @QueryParam("date") String date,
                                        @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return history.revisions(actor, unitId, date, Messages.forAcceptLanguage(language));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
