package io.ribao.bulletin.workflow;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * A Dropwizard application under test resets logback to its own INFO console setup when it stops; this puts
 * {@code logback-test.xml} back afterwards so the test classes that follow in the JVM stay quiet. Register it before
 * {@code DropwizardExtensionsSupport}: after-all callbacks run in reverse order.
 */
public final class RestoredTestLogging implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws JoranException {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        logback.reset();
        new ContextInitializer(logback).autoConfig();
    }
}
