package io.ribao.bulletin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Alert and bulletin delivery: SMTP, retries with exponential backoff, escalation, repeats, digests. */
public class DeliveryConfiguration {

    /** Empty host: email channels are recorded as failed attempts rather than sent. */
    private String smtpHost = "";
    private int smtpPort = 25;
    private String smtpFrom = "ribao@localhost";

    /** Attempts per message before it is marked FAILED. */
    @Min(1)
    private int maxAttempts = 8;
    /** Backoff after the first failure; doubles after each further failure, up to maxBackoff. */
    @NotNull
    private Duration initialBackoff = Duration.seconds(5);
    @NotNull
    private Duration maxBackoff = Duration.minutes(10);
    /** An alert nobody acknowledged goes one level up the tree after this long. */
    @NotNull
    private Duration escalationDelay = Duration.minutes(30);
    /** Unacknowledged, unresolved alerts are repeated to their recipients at this interval. */
    @NotNull
    private Duration repeatInterval = Duration.hours(1);
    /** Notices wait this long so alerts raised at one deadline leave as one digest per recipient. */
    @NotNull
    private Duration digestWindow = Duration.seconds(10);
    /** How often the dispatcher looks for due work (decisions use the injected clock, not this timer). */
    @NotNull
    private Duration pollInterval = Duration.seconds(2);
    /** HTTP timeout of a webhook call. */
    @NotNull
    private Duration webhookTimeout = Duration.seconds(5);

    @JsonProperty public String getSmtpHost() { return smtpHost; }
    @JsonProperty public void setSmtpHost(String v) { smtpHost = v; }
    @JsonProperty public int getSmtpPort() { return smtpPort; }
    @JsonProperty public void setSmtpPort(int v) { smtpPort = v; }
    @JsonProperty public String getSmtpFrom() { return smtpFrom; }
    @JsonProperty public void setSmtpFrom(String v) { smtpFrom = v; }
    @JsonProperty public int getMaxAttempts() { return maxAttempts; }
    @JsonProperty public void setMaxAttempts(int v) { maxAttempts = v; }
    @JsonProperty public Duration getInitialBackoff() { return initialBackoff; }
    @JsonProperty public void setInitialBackoff(Duration v) { initialBackoff = v; }
    @JsonProperty public Duration getMaxBackoff() { return maxBackoff; }
    @JsonProperty public void setMaxBackoff(Duration v) { maxBackoff = v; }
    @JsonProperty public Duration getEscalationDelay() { return escalationDelay; }
    @JsonProperty public void setEscalationDelay(Duration v) { escalationDelay = v; }
    @JsonProperty public Duration getRepeatInterval() { return repeatInterval; }
    @JsonProperty public void setRepeatInterval(Duration v) { repeatInterval = v; }
    @JsonProperty public Duration getDigestWindow() { return digestWindow; }
    @JsonProperty public void setDigestWindow(Duration v) { digestWindow = v; }
    @JsonProperty public Duration getPollInterval() { return pollInterval; }
    @JsonProperty public void setPollInterval(Duration v) { pollInterval = v; }
    @JsonProperty public Duration getWebhookTimeout() { return webhookTimeout; }
    @JsonProperty public void setWebhookTimeout(Duration v) { webhookTimeout = v; }
}
