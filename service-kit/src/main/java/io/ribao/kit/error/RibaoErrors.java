package io.ribao.kit.error;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Environment;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/** Registers the mappers that answer every error in the one {@link ApiError} shape, and makes unknown JSON fields an error. */
public final class RibaoErrors {

    private RibaoErrors() {
    }

    /**
     * Registers the mappers, each with a priority above Dropwizard's defaults for the same types, so this alone is
     * enough; {@link #register(Configuration, Environment)} also switches the defaults off.
     */
    public static void register(Environment environment) {
        // DESIGN §9: unknown fields are rejected with the field named, never silently dropped
        environment.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        environment.jersey().register(new ApiExceptionMapper());
        environment.jersey().register(new JsonInputExceptionMapper());
        environment.jersey().register(new WebApplicationExceptionMapper());
        environment.jersey().register(new ConstraintViolationMapper());
        environment.jersey().register(new UnexpectedExceptionMapper());
        environment.jersey().register(new FrameworkExceptionMappers.IllegalState());
        environment.jersey().register(new FrameworkExceptionMappers.Violation());
        environment.jersey().register(new FrameworkExceptionMappers.EarlyEof());
        environment.jersey().register(new FrameworkExceptionMappers.EmptyOptional());
        registerContainerErrors(environment);
    }

    /**
     * Errors Jetty answers itself (bad URIs, paths outside Jersey, parser refusals) in the same shape: on both servlet
     * contexts now, and on the server as it starts (Dropwizard builds the server after {@code run}).
     */
    private static void registerContainerErrors(Environment environment) {
        environment.getApplicationContext().setErrorHandler(new ContainerErrorHandler.Servlet());
        environment.getAdminContext().setErrorHandler(new ContainerErrorHandler.Servlet());
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.setErrorHandler(new ContainerErrorHandler());
                }
            }
        });
    }

    /** As {@link #register(Environment)}, and turns off Dropwizard's default mappers (they answer in another shape). */
    public static void register(Configuration configuration, Environment environment) {
        if (configuration.getServerFactory() instanceof AbstractServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false);
        }
        register(environment);
    }
}
