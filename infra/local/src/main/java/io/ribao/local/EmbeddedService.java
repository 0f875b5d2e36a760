package io.ribao.local;

import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.nio.file.Path;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.eclipse.jetty.server.Server;

/**
 * Runs a Dropwizard application inside this process exactly as {@code server config.yml} would (the same command,
 * the same configuration parsing and validation), keeping hold of its Jetty server so the stack can stop it.
 */
public final class EmbeddedService implements AutoCloseable {

    private final String name;
    private volatile Server server;

    private EmbeddedService(String name) {
        this.name = name;
    }

    public static <C extends Configuration> EmbeddedService start(Application<C> application, Path configFile)
            throws Exception {
        EmbeddedService service = new EmbeddedService(application.getName());
        Bootstrap<C> bootstrap = new Bootstrap<>(application) {
            @Override
            public void run(C configuration, Environment environment) throws Exception {
                environment.lifecycle().addServerLifecycleListener(started -> {
                    // The stack stops its parts in order; Jetty's own shutdown hook would race it.
                    started.setStopAtShutdown(false);
                    service.server = started;
                });
                super.run(configuration, environment);
            }
        };
        application.initialize(bootstrap);
        new ServerCommand<>(application).run(bootstrap, new Namespace(Map.of("file", configFile.toString())));
        if (service.server == null || !service.server.isStarted()) {
            throw new IllegalStateException(application.getName() + " did not start");
        }
        return service;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() throws Exception {
        Server running = server;
        if (running != null) {
            running.stop();
            running.join();
        }
    }
}
