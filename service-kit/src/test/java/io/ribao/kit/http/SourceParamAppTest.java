package io.ribao.kit.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.ribao.kit.LoopbackServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code SourceParam.register(environment)}: a {@code @Source} parameter is the request's source address. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SourceParamAppTest {

    @Path("/where")
    public static class Where {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String where(@Source String source) {
            return String.valueOf(source);
        }
    }

    public static class App extends Application<Configuration> {
        @Override
        public void run(Configuration configuration, Environment environment) {
            SourceParam.register(environment);
            environment.jersey().register(new Where());
        }
    }


    static final DropwizardAppExtension<Configuration> APP =
            new DropwizardAppExtension<>(App.class, LoopbackServer.configuration());

    private String where(String forwardedFor) {
        var request = APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + "/where").request();
        if (forwardedFor != null) {
            request = request.header("X-Forwarded-For", forwardedFor);
        }
        return request.get(String.class);
    }

    @Test
    void withoutAProxyItIsThePeer() {
        assertThat(where(null)).isEqualTo("127.0.0.1");
    }

    @Test
    void behindAProxyItIsTheForwardedClientViaThePeer() {
        assertThat(where("203.0.113.7, 10.0.0.2")).isEqualTo("203.0.113.7 via 127.0.0.1");
    }
}
