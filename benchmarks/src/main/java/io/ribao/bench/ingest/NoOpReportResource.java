package io.ribao.bench.ingest;

import io.dropwizard.auth.Auth;
import io.ribao.ingest.api.ReportRequest;
import io.ribao.kit.auth.RibaoPrincipal;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The ingest baseline: the same server, connector, body limit, bearer-token authentication and JSON binding of a
 * report as {@code POST /api/v1/reports}, then a 202 without validation, Avro or Kafka.
 */
@Path("/v1/bench/no-op")
@Produces(MediaType.APPLICATION_JSON)
public final class NoOpReportResource {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response accept(@Auth RibaoPrincipal actor, ReportRequest request) {
        return Response.accepted(Map.of("unitId", request == null ? "" : String.valueOf(request.unitId()),
                "status", "ACCEPTED")).build();
    }
}
