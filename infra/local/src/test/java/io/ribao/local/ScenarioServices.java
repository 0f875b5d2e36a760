package io.ribao.local;

/** report-ingest, aggregation-streams and bulletin-service started for ContainerScenarioIT, one way or another. */
interface ScenarioServices extends AutoCloseable {

    String ingestUrl();

    String bulletinUrl();

    /** Where the three services find the containers (inside or outside the Docker network). */
    record Endpoints(String kafka, String registryUrl, String jdbcUrl, String dbUser, String dbPassword) {
    }
}
