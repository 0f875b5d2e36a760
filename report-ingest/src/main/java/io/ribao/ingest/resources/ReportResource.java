package io.ribao.ingest.resources;

import io.dropwizard.auth.Auth;
import io.ribao.ingest.api.ReportReceipt;
import io.ribao.ingest.api.ReportRequest;
import io.ribao.ingest.api.RevisionView;
import io.ribao.ingest.core.AnswerDeadline;
import io.ribao.ingest.core.BrokerUnavailableException;
import io.ribao.ingest.core.Messages;
import io.ribao.ingest.core.ReportHistory;
import io.ribao.ingest.core.ReportIntake;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.http.Source;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * {@code /api/v1/reports}: submit, sign off, list a unit's revisions (DESIGN.md §8). Writes are answered
 * asynchronously: the request thread validates and sends, and the answer goes out when the event is durable (decision
 * 413), or 503 at the latest by the request's {@link AnswerDeadline}, counted from its arrival here (decision 418).
 */
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
    public void submit(@Auth RibaoPrincipal actor, ReportRequest request,
                       @HeaderParam("Idempotency-Key") String idempotencyKey,
                       @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
                       @Source String source, @Suspended AsyncResponse answer) {
        AnswerDeadline due = intake.answerDeadline();
        Messages messages = Messages.forAcceptLanguage(language);
        if (request == null) {
            throw ApiException.invalid("body", messages.get("field.required"));
        }
        CompletableFuture<ReportReceipt> receipt = intake.submitAsync(actor, request, blankToNull(idempotencyKey),
                source, messages, due);
        answerWhenDurable(answer, receipt, due.left(), accepted -> Response.accepted(accepted).build());
    }

    @POST
    @Path("/{reportId}/sign-off")
    public void signOff(@Auth RibaoPrincipal actor, @PathParam("reportId") String reportId,
                        @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
                        @Source String source, @Suspended AsyncResponse answer) {
        AnswerDeadline due = intake.answerDeadline();
        CompletableFuture<ReportReceipt> receipt = intake.signOffAsync(actor, reportId, source,
                Messages.forAcceptLanguage(language), due);
        answerWhenDurable(answer, receipt, due.left(), signed -> Response.ok(signed).build());
    }

    /**
     * Resumes the request with the receipt, or with the failure (mapped like any other: 503, 409 …); with 503 when
     * no answer came within {@code answerTimeout} (what is left of the request's budget). The bound is the future's own ({@code orTimeout}: its timer is
     * dropped when the answer comes) rather than Jersey's suspend timeout, whose cancelled timers stay queued until
     * they fall due — one per write, for {@code answerTimeout}, each one woken for and discarded (decision 416).
     */
    static <T> void answerWhenDurable(AsyncResponse answer, CompletableFuture<T> receipt, Duration answerTimeout,
                                      Function<T, Response> response) {
        receipt.orTimeout(answerTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((done, failure) -> {
            if (failure == null) {
                answer.resume(response.apply(done));
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                answer.resume(cause instanceof TimeoutException ? new BrokerUnavailableException(cause) : cause);
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
