package io.ribao.kit.http;

import static io.ribao.kit.RosterFixtures.rosterOf;
import static io.ribao.kit.RosterFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.access.common.spi.IAccessEvent;
import io.dropwizard.auth.Auth;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.logging.common.FileAppenderFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.ribao.kit.LoopbackServer;
import io.ribao.kit.auth.RibaoAuth;
import io.ribao.kit.auth.RibaoPrincipal;
import io.ribao.kit.error.RibaoErrors;
import io.ribao.schemas.roster.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A token put in a URL by mistake is refused and kept out of the request log (decision 441). */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestLogsAppTest {

    private static final String TOKEN = "clerk-token-in-a-url-0123456789";
    private static final java.nio.file.Path LOG = logFile();

    @Path("/me")
    public static class Me {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String me(@Auth RibaoPrincipal caller) {
            return caller.userId();
        }
    }

    public static class App extends Application<Configuration> {
        @Override
        public void run(Configuration configuration, Environment environment) {
            RequestLogs.withoutQueryStrings(configuration);
            RibaoErrors.register(configuration, environment);
            RibaoAuth.register(environment, rosterOf(user("u-clerk", Role.CLERK, "twn-a", TOKEN)));
            environment.jersey().register(new Me());
        }
    }

    static final DropwizardAppExtension<Configuration> APP =
            new DropwizardAppExtension<>(App.class, withRequestLogTo(LOG));

    @Test
    void aTokenInTheQueryStringIsNotWrittenToTheRequestLog() throws IOException {
        int status = APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + "/me")
                .queryParam("access_token", TOKEN).queryParam("date", "2026-03-02").request().get().getStatus();

        assertThat(status).isEqualTo(401);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(LOG).contains("GET /me HTTP/1.1"));
        assertThat(Files.readString(LOG)).contains("\"GET /me HTTP/1.1\" 401").doesNotContain(TOKEN)
                .doesNotContain("access_token");
    }

    private static Configuration withRequestLogTo(java.nio.file.Path file) {
        Configuration configuration = LoopbackServer.configuration();
        FileAppenderFactory<IAccessEvent> appender = new FileAppenderFactory<>();
        appender.setCurrentLogFilename(file.toString());
        appender.setArchive(false);
        LogbackAccessRequestLogFactory requestLog = new LogbackAccessRequestLogFactory();
        requestLog.setAppenders(List.of(appender));
        ((AbstractServerFactory) configuration.getServerFactory()).setRequestLogFactory(requestLog);
        return configuration;
    }

    private static java.nio.file.Path logFile() {
        try {
            return Files.createTempDirectory("request-log").resolve("requests.log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
