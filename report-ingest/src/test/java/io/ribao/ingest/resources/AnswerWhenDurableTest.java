package io.ribao.ingest.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.ingest.core.BrokerUnavailableException;
import io.ribao.kit.error.ApiException;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.TimeoutHandler;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How a suspended write request is resumed (decision 413), and its bound when no answer comes (decision 416). */
class AnswerWhenDurableTest {

    private final Resumed answer = new Resumed();

    @Test
    void theReceiptIsTheAnswer() throws Exception {
        CompletableFuture<String> receipt = new CompletableFuture<>();
        ReportResource.answerWhenDurable(answer, receipt, Duration.ofSeconds(30), r -> Response.accepted(r).build());
        assertThat(answer.with.isDone()).isFalse();
        receipt.complete("r-1");
        assertThat(answer.with.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(Response.class,
                response -> assertThat(response.getEntity()).isEqualTo("r-1"));
    }

    @Test
    void aFailureIsAnsweredAsItWasRaised() throws Exception {
        ApiException locked = new ApiException(409, "DAY_LOCKED", "locked");
        CompletableFuture<String> receipt = new CompletableFuture<>();
        ReportResource.answerWhenDurable(answer, receipt, Duration.ofSeconds(30), r -> Response.accepted(r).build());
        receipt.completeExceptionally(new CompletionException(locked));
        assertThat(answer.with.get(5, TimeUnit.SECONDS)).isSameAs(locked);
    }

    @Test
    void noAnswerWithinTheTimeoutIsA503() throws Exception {
        CompletableFuture<String> never = new CompletableFuture<>();
        ReportResource.answerWhenDurable(answer, never, Duration.ofMillis(50), r -> Response.accepted(r).build());
        assertThat(answer.with.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(BrokerUnavailableException.class,
                e -> assertThat(e.status()).isEqualTo(503));
    }

    /** The first thing the request was resumed with. */
    private static final class Resumed implements AsyncResponse {

        final CompletableFuture<Object> with = new CompletableFuture<>();

        @Override
        public boolean resume(Object response) {
            return with.complete(response);
        }

        @Override
        public boolean resume(Throwable response) {
            return with.complete(response);
        }

        @Override
        public boolean cancel() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean cancel(int retryAfter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean cancel(Date retryAfter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isSuspended() {
            return !with.isDone();
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return with.isDone();
        }

        @Override
        public boolean setTimeout(long time, TimeUnit unit) {
            return true; // a timeout left to the container is never fired here
        }

        @Override
        public void setTimeoutHandler(TimeoutHandler handler) {
        }

        @Override
        public Collection<Class<?>> register(Class<?> callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Class<?>, Collection<Class<?>>> register(Class<?> callback, Class<?>... callbacks) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Collection<Class<?>> register(Object callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Class<?>, Collection<Class<?>>> register(Object callback, Object... callbacks) {
            throw new UnsupportedOperationException();
        }
    }
}
