package io.ribao.ingest.roster;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The roster YAML as written (DESIGN.md §3), before validation. Dates, times, kinds and roles stay strings here so
 * that {@link RosterLoader} can report every bad value with its path instead of stopping at the first.
 */
public record RosterDocument(
        @JsonProperty("jurisdiction") JurisdictionEntry jurisdiction,
        @JsonProperty("deadlines") DeadlinesEntry deadlines,
        @JsonProperty("forms") List<FormEntry> forms,
        @JsonProperty("units") List<UnitEntry> units,
        @JsonProperty("users") List<UserEntry> users,
        @JsonProperty("reconciliation") List<ReconciliationEntry> reconciliation,
        @JsonProperty("recipients") RecipientsEntry recipients,
        @JsonProperty("quality") QualityEntry quality) {

    public RosterDocument {
        forms = forms == null ? List.of() : forms;
        units = units == null ? List.of() : units;
        users = users == null ? List.of() : users;
        reconciliation = reconciliation == null ? List.of() : reconciliation;
    }

    public record JurisdictionEntry(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("timezone") String timezone,
            @JsonProperty("office") String office) {
    }

    public record DeadlinesEntry(
            @JsonProperty("reminder") String reminder,
            @JsonProperty("submission") String submission,
            @JsonProperty("bulletin") String bulletin,
            @JsonProperty("amendDays") Integer amendDays) {
    }

    public record FormEntry(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("metrics") List<MetricEntry> metrics,
            @JsonProperty("checks") List<String> checks) {

        public FormEntry {
            metrics = metrics == null ? List.of() : metrics;
            checks = checks == null ? List.of() : checks;
        }
    }

    public record MetricEntry(
            @JsonProperty("code") String code,
            @JsonProperty("name") String name,
            @JsonProperty("min") Long min,
            @JsonProperty("max") Long max,
            @JsonProperty("required") Boolean required) {
    }

    public record UnitEntry(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("kind") String kind,
            @JsonProperty("parent") String parent,
            @JsonProperty("form") String form,
            @JsonProperty("principal") String principal,
            @JsonProperty("supervisors") List<String> supervisors,
            @JsonProperty("activeFrom") String activeFrom,
            @JsonProperty("activeTo") String activeTo,
            @JsonProperty("suspended") Boolean suspended,
            @JsonProperty("suspendedFrom") String suspendedFrom,
            @JsonProperty("targets") Map<String, Long> targets) {

        public UnitEntry {
            supervisors = supervisors == null ? List.of() : supervisors;
            targets = targets == null ? Map.of() : targets;
        }
    }

    public record UserEntry(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("role") String role,
            @JsonProperty("unit") String unit,
            @JsonProperty("tokenSha256") String tokenSha256,
            @JsonProperty("channels") List<ChannelEntry> channels,
            @JsonProperty("delegateDates") List<String> delegateDates) {

        public UserEntry {
            channels = channels == null ? List.of() : channels;
            delegateDates = delegateDates == null ? List.of() : delegateDates;
        }
    }

    public record ChannelEntry(
            @JsonProperty("type") String type,
            @JsonProperty("url") String url,
            @JsonProperty("to") String to,
            @JsonProperty("format") String format) {
    }

    public record ReconciliationEntry(
            @JsonProperty("id") String id,
            @JsonProperty("parentMetric") String parentMetric,
            @JsonProperty("childMetric") String childMetric,
            @JsonProperty("childKinds") List<String> childKinds,
            @JsonProperty("tolerance") Long tolerance) {

        public ReconciliationEntry {
            childKinds = childKinds == null ? List.of() : childKinds;
        }
    }

    public record RecipientsEntry(
            @JsonProperty("bulletin") List<String> bulletin,
            @JsonProperty("upstream") ChannelEntry upstream) {

        public RecipientsEntry {
            bulletin = bulletin == null ? List.of() : bulletin;
        }
    }

    public record QualityEntry(
            @JsonProperty("outlierZScore") Double outlierZScore,
            @JsonProperty("outlierMinHistoryDays") Integer outlierMinHistoryDays,
            @JsonProperty("zeroStreakDays") Integer zeroStreakDays) {
    }
}
