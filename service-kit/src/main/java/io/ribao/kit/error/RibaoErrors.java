package io.ribao.kit.error;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Environment;

/** Registers the mappers that answer every error in the one {@link ApiError} shape, and makes unknown JSON fields an error. */
public final class RibaoErrors {

    private RibaoErrors() {
    }

    /**
     * Registers the mappers. Dropwizard's own default mappers would answer some exceptions in another shape; call
     * {@link #register(Configuration, Environment)} from {@code run} to switch them off as well.
     */
    public static void register(Environment environment) {
        // DESIGN §9: unknown fields are rejected with the field named, never silently dropped
        environment.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        environment.jersey().register(new ApiExceptionMapper());
        environment.jersey().register(new JsonInputExceptionMapper());
        environment.jersey().register(new WebApplicationExceptionMapper());
        environment.jersey().register(new ConstraintViolationMapper());
        environment.jersey().register(new UnexpectedExceptionMapper());
    }

    /** As {@link #register(Environment)}, and turns off Dropwizard's default mappers (they answer in another shape). */
    public static void register(Configuration configuration, Environment environment) {
        if (configuration.getServerFactory() instanceof AbstractServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false);
        }
        register(environment);
    }
}
