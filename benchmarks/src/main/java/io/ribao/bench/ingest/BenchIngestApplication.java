package io.ribao.bench.ingest;

import io.dropwizard.core.setup.Environment;
import io.ribao.ingest.IngestApplication;
import io.ribao.ingest.IngestConfiguration;
import java.time.Clock;

/** report-ingest exactly as it runs, plus the no-op endpoint that is the load benchmark's baseline. */
public final class BenchIngestApplication extends IngestApplication {

    public BenchIngestApplication(Clock clock) {
        super(clock);
    }

    @Override
    public void run(IngestConfiguration config, Environment environment) throws Exception {
        super.run(config, environment);
        environment.jersey().register(new NoOpReportResource());
    }
}
