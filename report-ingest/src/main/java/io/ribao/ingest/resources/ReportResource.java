package io.ribao.ingest.resources;

import io.dropwizard.auth.Auth;
import io.ribao.ingest.api.ReportReceipt;
import io.ribao.ingest.api.ReportRequest;
import io.ribao.ingest.api.RevisionView;
import io.ribao.ingest.core.Messages;
import io.ribao.ingest.core.ReportHistory;
import io.ribao.ingest.core.ReportIntake;
import io.ribao.ingest.kafka.BrokerUnavailableException;
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
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code /api/v1/reports}: submit, sign off, list a unit's revisions (DESIGN.md §8). Writes are answered
 * asynchronously: the request thread validates and sends, and the answer goes out when the event is durable (decision
 * 413), or 503 at the latest {@code answerTimeout} after the request.
 */
@Path("/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public final class ReportResource {

    private final ReportIntake intake;
    private final ReportHistory history;
    private final Duration answerTimeout;

    public ReportResource(ReportIntake intake, ReportHistory history, Duration answerTimeout) {
        this.intake = intake;
        this.history = history;
        this.answerTimeout = answerTimeout;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public void submit(@Auth RibaoPrincipal actor, ReportRequest request,
                       @HeaderParam("Idempotency-Key") String idempotencyKey,
                       @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
                       @Context HttpServletRequest http, @Suspended AsyncResponse answer) {
        Messages messages = Messages.forAcceptLanguage(language);
        if (request == null) {
            throw ApiException.invalid("body", messages.get("field.required"));
        }
        answerWhenDurable(answer, intake.submitAsync(actor, request, blankToNull(idempotencyKey),
                SourceAddress.of(http), messages), receipt -> Response.accepted(receipt).build());
    }

    @POST
    @Path("/{reportId}/sign-off")
    public void signOff(@Auth RibaoPrincipal actor, @PathParam("reportId") String reportId,
                        @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
                        @Context HttpServletRequest http, @Suspended AsyncResponse answer) {
        answerWhenDurable(answer, intake.signOffAsync(actor, reportId, SourceAddress.of(http),
                Messages.forAcceptLanguage(language)), receipt -> Response.ok(receipt).build());
    }

    /** Resumes the request with the receipt, or with the failure (mapped like any other: 503, 409 …). */
    private void answerWhenDurable(AsyncResponse answer, CompletableFuture<ReportReceipt> receipt,
                                   Function<ReportReceipt, Response> response) {
        answer.setTimeout(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        answer.setTimeoutHandler(late -> late.resume(new BrokerUnavailableException(null)));
        receipt.whenComplete((done, failure) -> {
            if (failure != null) {
                answer.resume(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            } else {
                answer.resume(response.apply(done));
            }
        });
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
