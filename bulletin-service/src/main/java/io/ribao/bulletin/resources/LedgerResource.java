package io.ribao.bulletin.resources;

import io.dropwizard.auth.Auth;
import io.ribao.bulletin.api.LedgerLine;
import io.ribao.bulletin.core.LedgerWorkbook;
import io.ribao.bulletin.core.Visibility;
import io.ribao.bulletin.db.BoardDao;
import io.ribao.bulletin.db.LedgerDao;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.error.ApiException;
import io.ribao.kit.i18n.Text;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The accountability ledger (问责台账) over a period, as JSON and as a spreadsheet: the units the caller may see, within
 * its own jurisdiction (decision 433).
 */
@Path("/api/v1")
public class LedgerResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final long MAX_DAYS = 366;

    private final Jdbi jdbi;

    public LedgerResource(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @GET
    @Path("/ledger")
    @Produces(MediaType.APPLICATION_JSON)
    public List<LedgerLine> ledger(@Auth RibaoPrincipal caller, @QueryParam("from") String from,
                                   @QueryParam("to") String to) {
        Period period = period(from, to);
        return lines(caller, period.from(), period.to());
    }

    @GET
    @Path("/ledger.xlsx")
    @Produces(XLSX)
    public Response workbook(@Auth RibaoPrincipal caller, @QueryParam("from") String from,
                             @QueryParam("to") String to) {
        Period period = period(from, to);
        byte[] xlsx = new LedgerWorkbook().write(period.from(), period.to(),
                lines(caller, period.from(), period.to()));
        return Response.ok(xlsx, XLSX)
                .header("Content-Disposition", "attachment; filename=\"ledger-" + period.from() + "-"
                        + period.to() + ".xlsx\"")
                .build();
    }

    private record Period(LocalDate from, LocalDate to) {
    }

    private static Period period(String fromParam, String toParam) {
        LocalDate from = Params.requiredDate("from", fromParam);
        LocalDate to = Params.requiredDate("to", toParam);
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", Text.of("不得早于开始日期", "must not be before from"));
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiException.invalid("to", Text.of("期间不得超过 " + MAX_DAYS + " 天",
                    "the period must be at most " + MAX_DAYS + " days"));
        }
        return new Period(from, to);
    }

    private List<LedgerLine> lines(RibaoPrincipal caller, LocalDate from, LocalDate to) {
        Visibility visibility = new Visibility(caller,
                jdbi.onDemand(BoardDao.class).unitsSupervisedBy(caller.userId()));
        return jdbi.onDemand(LedgerDao.class).ledger(from, to).stream()
                .filter(e -> visibility.sees(e.jurisdictionId(), e.unitId(), e.ancestorIds()))
                .map(e -> new LedgerLine(e.unitId(), e.name(), e.principal(), e.late(), e.missing(), e.unsigned(),
                        e.concealmentSuspected()))
                .toList();
    }
}
