package io.ribao.kit;

import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;

/** A Dropwizard configuration for tests: one HTTP connector on 127.0.0.1 and a free port, the application at "/". */
public final class LoopbackServer {

    private LoopbackServer() {
    }

    public static Configuration configuration() {
        Configuration configuration = new Configuration();
        SimpleServerFactory server = new SimpleServerFactory();
        server.setApplicationContextPath("/");
        server.setAdminContextPath("/admin");
        HttpConnectorFactory http = new HttpConnectorFactory();
        http.setBindHost("127.0.0.1");
        http.setPort(0);
        server.setConnector(http);
        configuration.setServerFactory(server);
        return configuration;
    }
}
