package io.ribao.ingest.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ribao.ingest.core.CheckExpression;
import io.ribao.ingest.roster.RosterDocument.ChannelEntry;
import io.ribao.ingest.roster.RosterDocument.FormEntry;
import io.ribao.ingest.roster.RosterDocument.MetricEntry;
import io.ribao.ingest.roster.RosterDocument.ReconciliationEntry;
import io.ribao.ingest.roster.RosterDocument.UnitEntry;
import io.ribao.ingest.roster.RosterDocument.UserEntry;
import io.ribao.schemas.roster.Channel;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.Jurisdiction;
import io.ribao.schemas.roster.MetricDefinition;
import io.ribao.schemas.roster.QualityRules;
import io.ribao.schemas.roster.ReconciliationRule;
import io.ribao.schemas.roster.Role;
import io.ribao.schemas.roster.Unit;
import io.ribao.schemas.roster.UnitKind;
import io.ribao.schemas.roster.User;
import io.ribao.kit.i18n.Text;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and validates a roster YAML (DESIGN.md §3). Every problem is reported with the path of the bad entry, e.g.
 * {@code units[3].parent: unknown unit 'x'}; nothing is returned unless the whole roster is valid.
 */
public final class RosterLoader {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern METRIC_CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Set<String> WEBHOOK_FORMATS = Set.of("json", "wecom", "dingtalk", "feishu");
    private static final int MAX_NAME = 200;

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Parses and validates; throws {@link InvalidRosterException} listing every problem. */
    public Roster load(String text) {
        RosterDocument document;
        try {
            document = yaml.readValue(text, RosterDocument.class);
        } catch (JsonMappingException e) {
            // told in the roster's words: Jackson's own message names Java classes the author never wrote
            throw new InvalidRosterException(List.of(new RosterProblem(pathOf(e), mappingProblem(e))));
        } catch (JsonProcessingException e) {
            throw new InvalidRosterException(List.of(new RosterProblem("(document)",
                    Text.of("不是有效的 YAML：" + e.getOriginalMessage(), "not valid YAML: " + e.getOriginalMessage()))));
        }
        if (document == null) {
            throw new InvalidRosterException(List.of(new RosterProblem("(document)", Text.of("名册为空", "empty roster"))));
        }
        return new Validation(document).run();
    }

    /** What is wrong at the path of a field Jackson could not bind: an unknown field, or a value of the wrong kind. */
    private static Text mappingProblem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return Text.of("未知字段“" + unknown.getPropertyName() + "”（可用字段：" + known + "）",
                    "unknown field '" + unknown.getPropertyName() + "' (known fields: " + known + ")");
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return Text.of("写法有误", "is not written as expected");
        }
        if (Collection.class.isAssignableFrom(target)) {
            return Text.of("须为列表", "must be a list");
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return Text.of("须为“键: 值”形式的条目", "must be an entry of 'key: value' fields");
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return Text.of("须为整数", "must be a whole number");
        }
        if (target == Double.class || target == double.class) {
            return Text.of("须为数字", "must be a number");
        }
        if (target == Boolean.class || target == boolean.class) {
            return Text.of("须为 true 或 false", "must be true or false");
        }
        return Text.of("须为文本", "must be text");
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(document)" : path.toString();
    }

    /** One validation pass over one document; collects problems instead of throwing at the first. */
    private static final class Validation {
        private final RosterDocument doc;
        private final List<RosterProblem> problems = new ArrayList<>();
        private final Map<String, FormEntry> formsById = new LinkedHashMap<>();
        private final Map<String, UnitEntry> unitsById = new LinkedHashMap<>();
        private final Map<String, UserEntry> usersById = new LinkedHashMap<>();
        private String jurisdictionId = "";

        Validation(RosterDocument doc) {
            this.doc = doc;
        }

        private void problem(String path, String chinese, String english) {
            problems.add(new RosterProblem(path, Text.of(chinese, english)));
        }

        private boolean required(String path, String value) {
            if (value == null || value.isBlank()) {
                problem(path, "必填", "is required");
                return false;
            }
            if (value.length() > MAX_NAME) {
                problem(path, "超过 " + MAX_NAME + " 个字符", "is longer than " + MAX_NAME + " characters");
                return false;
            }
            return true;
        }

        private boolean id(String path, String value) {
            if (!required(path, value)) {
                return false;
            }
            if (!ID.matcher(value).matches()) {
                problem(path, "“" + value + "”不是有效编号（字母、数字、-、_、.，最多 64 个字符）",
                        "'" + value + "' is not an id (letters, digits, '-', '_', '.'; at most 64)");
                return false;
            }
            return true;
        }

        private LocalDate date(String path, String value) {
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(path, "“" + value + "”不是日期（YYYY-MM-DD）", "'" + value + "' is not a date YYYY-MM-DD");
                return null;
            }
        }

        private LocalTime time(String path, String value) {
            if (!required(path, value)) {
                return null;
            }
            if (!TIME.matcher(value).matches()) {
                problem(path, "“" + value + "”不是时间（HH:mm 或 HH:mm:ss）",
                        "'" + value + "' is not a time HH:mm or HH:mm:ss");
                return null;
            }
            try {
                return LocalTime.parse(value);
            } catch (DateTimeParseException e) {
                problem(path, "“" + value + "”不是一天中的时刻", "'" + value + "' is not a time of day");
                return null;
            }
        }

        private <E extends Enum<E>> E enumValue(String path, String value, Class<E> type) {
            if (!required(path, value)) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(path, "“" + value + "”不在可选范围 " + Arrays.toString(type.getEnumConstants()) + " 内",
                        "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        Roster run() {
            Jurisdiction.Builder jurisdiction = jurisdiction();
            List<Form> forms = forms();
            indexUsersAndUnits();
            List<User> users = users();
            List<Unit> units = units();
            reconciliation(jurisdiction);
            recipients(jurisdiction);
            if (!problems.isEmpty()) {
                throw new InvalidRosterException(problems);
            }
            jurisdiction.setOfficeUserIds(users.stream().filter(u -> u.getRole() == Role.OFFICE).map(User::getId).toList());
            return new Roster(jurisdiction.build(), forms, units, users);
        }

        private Jurisdiction.Builder jurisdiction() {
            Jurisdiction.Builder builder = Jurisdiction.newBuilder()
                    .setReconciliation(List.of()).setOfficeUserIds(List.of()).setBulletinRecipientIds(List.of())
                    .setQuality(QualityRules.newBuilder().build());
            var j = doc.jurisdiction();
            if (j == null) {
                problem("jurisdiction", "必填", "is required");
                builder.setId("").setName("").setTimezone("UTC").setOffice("");
            } else {
                if (id("jurisdiction.id", j.id())) {
                    jurisdictionId = j.id();
                }
                required("jurisdiction.name", j.name());
                required("jurisdiction.office", j.office());
                String zone = "UTC";
                if (required("jurisdiction.timezone", j.timezone())) {
                    try {
                        zone = ZoneId.of(j.timezone()).getId();
                    } catch (RuntimeException e) {
                        problem("jurisdiction.timezone", "“" + j.timezone() + "”不是时区（例如 Asia/Shanghai）",
                                "'" + j.timezone() + "' is not a time zone such as Asia/Shanghai");
                    }
                }
                builder.setId(nullToEmpty(j.id())).setName(nullToEmpty(j.name())).setTimezone(zone)
                        .setOffice(nullToEmpty(j.office()));
            }
            var d = doc.deadlines();
            if (d == null) {
                problem("deadlines", "必填", "is required");
                builder.setReminder("").setSubmission("").setBulletin("").setAmendDays(0);
            } else {
                LocalTime reminder = time("deadlines.reminder", d.reminder());
                LocalTime submission = time("deadlines.submission", d.submission());
                LocalTime bulletin = time("deadlines.bulletin", d.bulletin());
                if (reminder != null && submission != null && reminder.isAfter(submission)) {
                    problem("deadlines.reminder", "不得晚于报送截止时间", "must not be after the submission deadline");
                }
                if (submission != null && bulletin != null && submission.isAfter(bulletin)) {
                    problem("deadlines.bulletin", "不得早于报送截止时间", "must not be before the submission deadline");
                }
                int amendDays = d.amendDays() == null ? 3 : d.amendDays();
                if (amendDays < 0 || amendDays > 366) {
                    problem("deadlines.amendDays", "须在 0 到 366 之间", "must be between 0 and 366");
                }
                builder.setReminder(format(reminder)).setSubmission(format(submission)).setBulletin(format(bulletin))
                        .setAmendDays(amendDays);
            }
            var q = doc.quality();
            if (q != null) {
                QualityRules.Builder quality = QualityRules.newBuilder();
                if (q.outlierZScore() != null) {
                    if (q.outlierZScore() <= 0) {
                        problem("quality.outlierZScore", "须大于 0", "must be positive");
                    }
                    quality.setOutlierZScore(q.outlierZScore());
                }
                if (q.outlierMinHistoryDays() != null) {
                    if (q.outlierMinHistoryDays() < 1) {
                        problem("quality.outlierMinHistoryDays", "至少为 1", "must be at least 1");
                    }
                    quality.setOutlierMinHistoryDays(q.outlierMinHistoryDays());
                }
                if (q.zeroStreakDays() != null) {
                    if (q.zeroStreakDays() < 1) {
                        problem("quality.zeroStreakDays", "至少为 1", "must be at least 1");
                    }
                    quality.setZeroStreakDays(q.zeroStreakDays());
                }
                builder.setQuality(quality.build());
            }
            return builder;
        }

        private static String format(LocalTime time) {
            return time == null ? "" : String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        }

        private List<Form> forms() {
            List<Form> forms = new ArrayList<>();
            for (int i = 0; i < doc.forms().size(); i++) {
                String at = "forms[" + i + "]";
                FormEntry entry = doc.forms().get(i);
                if (entry == null) {
                    problem(at, "为空", "is empty");
                    continue;
                }
                if (id(at + ".id", entry.id()) && formsById.putIfAbsent(entry.id(), entry) != null) {
                    problem(at + ".id", "报表编号“" + entry.id() + "”重复", "duplicate form id '" + entry.id() + "'");
                }
                required(at + ".name", entry.name());
                if (entry.metrics().isEmpty()) {
                    problem(at + ".metrics", "报表至少要有一项指标", "a form needs at least one metric");
                }
                Set<String> codes = new HashSet<>();
                List<MetricDefinition> metrics = new ArrayList<>();
                for (int m = 0; m < entry.metrics().size(); m++) {
                    String mat = at + ".metrics[" + m + "]";
                    MetricEntry metric = entry.metrics().get(m);
                    if (metric == null) {
                        problem(mat, "为空", "is empty");
                        continue;
                    }
                    if (required(mat + ".code", metric.code())) {
                        if (!METRIC_CODE.matcher(metric.code()).matches()) {
                            problem(mat + ".code", "“" + metric.code() + "”不是指标代码（小写字母、数字、下划线）",
                                    "'" + metric.code() + "' is not a metric code (lower case, digits, '_')");
                        } else if (!codes.add(metric.code())) {
                            problem(mat + ".code", "指标“" + metric.code() + "”重复",
                                    "duplicate metric '" + metric.code() + "'");
                        }
                    }
                    required(mat + ".name", metric.name());
                    long min = metric.min() == null ? 0 : metric.min();
                    if (min < 0) {
                        problem(mat + ".min", "不得为负数", "must not be negative");
                    }
                    if (metric.max() != null && metric.max() < min) {
                        problem(mat + ".max", "不得小于最小值 " + min, "must not be below min " + min);
                    }
                    metrics.add(MetricDefinition.newBuilder().setCode(nullToEmpty(metric.code()))
                            .setName(nullToEmpty(metric.name())).setMin(min).setMax(metric.max())
                            .setRequired(metric.required() == null || metric.required()).build());
                }
                List<String> checks = new ArrayList<>();
                for (int c = 0; c < entry.checks().size(); c++) {
                    String cat = at + ".checks[" + c + "]";
                    if (entry.checks().get(c) == null) {
                        problem(cat, "为空", "is empty");
                        continue;
                    }
                    checks.add(entry.checks().get(c));
                    try {
                        CheckExpression check = CheckExpression.parse(entry.checks().get(c));
                        for (String code : check.metrics()) {
                            if (!codes.contains(code)) {
                                problem(cat, "本报表没有指标“" + code + "”", "unknown metric '" + code + "' in this form");
                            }
                        }
                    } catch (IllegalArgumentException e) {
                        problem(cat, e.getMessage(), e.getMessage());
                    }
                }
                forms.add(Form.newBuilder().setId(nullToEmpty(entry.id())).setName(nullToEmpty(entry.name()))
                        .setMetrics(metrics).setChecks(checks).build());
            }
            return forms;
        }

        private void indexUsersAndUnits() {
            for (int i = 0; i < doc.units().size(); i++) {
                UnitEntry entry = doc.units().get(i);
                if (entry == null) {
                    problem("units[" + i + "]", "为空", "is empty");
                } else if (id("units[" + i + "].id", entry.id()) && unitsById.putIfAbsent(entry.id(), entry) != null) {
                    problem("units[" + i + "].id", "单位编号“" + entry.id() + "”重复",
                            "duplicate unit id '" + entry.id() + "'");
                }
            }
            for (int i = 0; i < doc.users().size(); i++) {
                UserEntry entry = doc.users().get(i);
                if (entry == null) {
                    problem("users[" + i + "]", "为空", "is empty");
                } else if (id("users[" + i + "].id", entry.id()) && usersById.putIfAbsent(entry.id(), entry) != null) {
                    problem("users[" + i + "].id", "用户编号“" + entry.id() + "”重复",
                            "duplicate user id '" + entry.id() + "'");
                }
            }
        }

        private List<User> users() {
            List<User> users = new ArrayList<>();
            Map<String, String> userByToken = new HashMap<>();
            for (int i = 0; i < doc.users().size(); i++) {
                String at = "users[" + i + "]";
                UserEntry entry = doc.users().get(i);
                if (entry == null) {
                    continue;
                }
                required(at + ".name", entry.name());
                Role role = enumValue(at + ".role", entry.role(), Role.class);
                boolean unitBound = role == Role.CLERK || role == Role.PRINCIPAL || role == Role.DELEGATE;
                if (entry.unit() != null && !unitsById.containsKey(entry.unit())) {
                    problem(at + ".unit", "没有单位“" + entry.unit() + "”", "unknown unit '" + entry.unit() + "'");
                } else if (entry.unit() == null && unitBound) {
                    problem(at + ".unit", "角色 " + role + " 须属于某个单位", "a " + role + " belongs to a unit");
                } else if (role == Role.PRINCIPAL) {
                    principalOfItsUnit(at, entry);
                }
                String token = entry.tokenSha256();
                if (token == null || !SHA256.matcher(token).matches()) {
                    problem(at + ".tokenSha256", "须为 64 位十六进制的 SHA-256 值", "must be the 64 hex digits of a SHA-256");
                    token = "";
                } else {
                    token = token.toLowerCase(Locale.ROOT);
                    String other = userByToken.putIfAbsent(token, entry.id() == null ? at : entry.id());
                    if (other != null) {
                        problem(at + ".tokenSha256", "与用户“" + other + "”的令牌哈希相同",
                                "the same token hash as user '" + other + "'");
                    }
                }
                List<Channel> channels = new ArrayList<>();
                for (int c = 0; c < entry.channels().size(); c++) {
                    Channel channel = channel(at + ".channels[" + c + "]", entry.channels().get(c));
                    if (channel != null) {
                        channels.add(channel);
                    }
                }
                List<LocalDate> delegateDates = new ArrayList<>();
                if (!entry.delegateDates().isEmpty() && role != null && role != Role.DELEGATE) {
                    problem(at + ".delegateDates", "只有代签人（DELEGATE）才有代签日期", "only a DELEGATE has delegate dates");
                }
                for (int d = 0; d < entry.delegateDates().size(); d++) {
                    if (entry.delegateDates().get(d) == null) {
                        problem(at + ".delegateDates[" + d + "]", "为空", "is empty");
                        continue;
                    }
                    LocalDate date = date(at + ".delegateDates[" + d + "]", entry.delegateDates().get(d));
                    if (date != null) {
                        delegateDates.add(date);
                    }
                }
                users.add(User.newBuilder().setId(nullToEmpty(entry.id())).setJurisdictionId(jurisdictionId)
                        .setName(nullToEmpty(entry.name())).setRole(role == null ? Role.CLERK : role)
                        .setUnitId(entry.unit()).setTokenSha256(token).setChannels(channels)
                        .setDelegateDates(delegateDates).build());
            }
            return users;
        }

        /**
         * A PRINCIPAL signs for its unit without a granted date, so only the one user the unit names as its principal
         * may have the role; anyone else who signs for the unit is a DELEGATE on the dates the roster grants.
         */
        private void principalOfItsUnit(String at, UserEntry entry) {
            UnitEntry unit = unitsById.get(entry.unit());
            if (unit == null || entry.id() == null || entry.id().equals(unit.principal())) {
                return;
            }
            if (unit.principal() == null) {
                problem(at + ".role", "单位“" + entry.unit() + "”未指定主要负责人（principal），本用户不能是 PRINCIPAL",
                        "unit '" + entry.unit() + "' names no principal, so this user cannot be a PRINCIPAL");
            } else {
                problem(at + ".role", "单位“" + entry.unit() + "”的主要负责人是“" + unit.principal()
                                + "”，本用户不能是 PRINCIPAL（可为 CLERK 或 DELEGATE）",
                        "unit '" + entry.unit() + "' names '" + unit.principal()
                                + "' as its principal, so this user cannot be a PRINCIPAL (a CLERK or a DELEGATE can)");
            }
        }

        private Channel channel(String at, ChannelEntry entry) {
            if (entry == null) {
                problem(at, "为空", "is empty");
                return null;
            }
            String type = entry.type() == null ? "" : entry.type().toLowerCase(Locale.ROOT);
            switch (type) {
                case "webhook" -> {
                    if (entry.url() == null || !entry.url().matches("https?://\\S+")) {
                        problem(at + ".url", "webhook 须有 http(s) 地址", "a webhook needs an http(s) url");
                    }
                    if (entry.format() != null && !WEBHOOK_FORMATS.contains(entry.format())) {
                        problem(at + ".format", "“" + entry.format() + "”不在可选范围 " + WEBHOOK_FORMATS + " 内",
                                "'" + entry.format() + "' is not one of " + WEBHOOK_FORMATS);
                    }
                }
                case "email" -> {
                    if (entry.to() == null || !entry.to().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                        problem(at + ".to", "邮件渠道须有收件地址", "an email channel needs an address");
                    }
                }
                default -> problem(at + ".type", "“" + entry.type() + "”既不是 webhook 也不是 email",
                        "'" + entry.type() + "' is not webhook or email");
            }
            return Channel.newBuilder().setType(type).setUrl(entry.url()).setTo(entry.to())
                    .setFormat(entry.format()).build();
        }

        private List<Unit> units() {
            List<Unit> units = new ArrayList<>();
            Set<String> parents = new HashSet<>();
            for (UnitEntry entry : doc.units()) {
                if (entry != null && entry.parent() != null) {
                    parents.add(entry.parent());
                }
            }
            for (int i = 0; i < doc.units().size(); i++) {
                String at = "units[" + i + "]";
                UnitEntry entry = doc.units().get(i);
                if (entry == null) {
                    continue;
                }
                required(at + ".name", entry.name());
                UnitKind kind = enumValue(at + ".kind", entry.kind(), UnitKind.class);
                if (entry.parent() != null && !unitsById.containsKey(entry.parent())) {
                    problem(at + ".parent", "没有单位“" + entry.parent() + "”", "unknown unit '" + entry.parent() + "'");
                }
                FormEntry form = null;
                if (entry.form() != null) {
                    form = formsById.get(entry.form());
                    if (form == null) {
                        problem(at + ".form", "没有报表“" + entry.form() + "”", "unknown form '" + entry.form() + "'");
                    }
                }
                if (entry.principal() != null) {
                    UserEntry principal = usersById.get(entry.principal());
                    if (principal == null) {
                        problem(at + ".principal", "没有用户“" + entry.principal() + "”",
                                "unknown user '" + entry.principal() + "'");
                    } else if (!"PRINCIPAL".equalsIgnoreCase(principal.role())
                            || entry.id() != null && !entry.id().equals(principal.unit())) {
                        problem(at + ".principal", "“" + entry.principal() + "”不是本单位的主要负责人（PRINCIPAL）",
                                "'" + entry.principal() + "' is not a PRINCIPAL of this unit");
                    }
                } else if (entry.form() != null) {
                    problem(at + ".principal", "报送单位须指定签发的主要负责人", "a unit that reports needs a principal to sign off");
                }
                List<String> supervisors = new ArrayList<>();
                for (int s = 0; s < entry.supervisors().size(); s++) {
                    if (entry.supervisors().get(s) == null) {
                        problem(at + ".supervisors[" + s + "]", "为空", "is empty");
                        continue;
                    }
                    supervisors.add(entry.supervisors().get(s));
                    if (!usersById.containsKey(entry.supervisors().get(s))) {
                        problem(at + ".supervisors[" + s + "]", "没有用户“" + entry.supervisors().get(s) + "”",
                                "unknown user '" + entry.supervisors().get(s) + "'");
                    }
                }
                LocalDate from = date(at + ".activeFrom", entry.activeFrom());
                if (entry.activeFrom() == null) {
                    problem(at + ".activeFrom", "必填", "is required");
                }
                LocalDate to = date(at + ".activeTo", entry.activeTo());
                if (from != null && to != null && to.isBefore(from)) {
                    problem(at + ".activeTo", "不得早于 activeFrom", "must not be before activeFrom");
                }
                // a suspension from a date: the days before it stay as they were (decision 422)
                LocalDate suspendedFrom = date(at + ".suspendedFrom", entry.suspendedFrom());
                if (entry.suspendedFrom() != null && Boolean.FALSE.equals(entry.suspended())) {
                    problem(at + ".suspendedFrom", "与 suspended: false 矛盾", "contradicts suspended: false");
                }
                for (Map.Entry<String, Long> target : entry.targets().entrySet()) {
                    String tat = at + ".targets." + target.getKey();
                    if (form == null
                            || form.metrics().stream().noneMatch(m -> m != null && target.getKey().equals(m.code()))) {
                        problem(tat, "不是本单位报表中的指标", "not a metric of this unit's form");
                    }
                    if (target.getValue() == null || target.getValue() < 0) {
                        problem(tat, "须为非负整数", "must be a whole number, not negative");
                    }
                }
                List<String> ancestors = ancestorsOf(at, entry);
                units.add(Unit.newBuilder().setId(nullToEmpty(entry.id())).setJurisdictionId(jurisdictionId)
                        .setName(nullToEmpty(entry.name())).setKind(kind == null ? UnitKind.COUNTY : kind)
                        .setParentId(entry.parent()).setAncestorIds(ancestors).setFormId(entry.form())
                        .setPrincipalId(entry.principal()).setSupervisorIds(supervisors)
                        .setActiveFrom(from == null ? LocalDate.EPOCH : from).setActiveTo(to)
                        .setSuspended(Boolean.TRUE.equals(entry.suspended()) || suspendedFrom != null)
                        .setSuspendedFrom(suspendedFrom)
                        .setTargets(new HashMap<>(entry.targets()))
                        .setHasChildren(parents.contains(entry.id())).build());
            }
            return units;
        }

        /** Root..parent; a cycle is a problem (reported on the unit where it is found). */
        private List<String> ancestorsOf(String at, UnitEntry entry) {
            List<String> path = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            seen.add(entry.id());
            String parent = entry.parent();
            while (parent != null) {
                if (!seen.add(parent)) {
                    problem(at + ".parent", "循环：单位“" + entry.id() + "”是它自己的上级",
                            "cycle: unit '" + entry.id() + "' is its own ancestor");
                    return List.of();
                }
                path.add(0, parent);
                UnitEntry next = unitsById.get(parent);
                parent = next == null ? null : next.parent();
            }
            return path;
        }

        private void reconciliation(Jurisdiction.Builder jurisdiction) {
            Set<String> allCodes = new HashSet<>();
            formsById.values().forEach(f -> f.metrics().forEach(m -> {
                if (m != null && m.code() != null) {
                    allCodes.add(m.code());
                }
            }));
            Set<String> ids = new HashSet<>();
            List<ReconciliationRule> rules = new ArrayList<>();
            for (int i = 0; i < doc.reconciliation().size(); i++) {
                String at = "reconciliation[" + i + "]";
                ReconciliationEntry entry = doc.reconciliation().get(i);
                if (entry == null) {
                    problem(at, "为空", "is empty");
                    continue;
                }
                if (id(at + ".id", entry.id()) && !ids.add(entry.id())) {
                    problem(at + ".id", "规则编号“" + entry.id() + "”重复", "duplicate rule id '" + entry.id() + "'");
                }
                if (entry.parentMetric() == null || !allCodes.contains(entry.parentMetric())) {
                    problem(at + ".parentMetric", "没有指标“" + entry.parentMetric() + "”",
                            "unknown metric '" + entry.parentMetric() + "'");
                }
                if (entry.childMetric() == null || !allCodes.contains(entry.childMetric())) {
                    problem(at + ".childMetric", "没有指标“" + entry.childMetric() + "”",
                            "unknown metric '" + entry.childMetric() + "'");
                }
                List<UnitKind> kinds = new ArrayList<>();
                for (int k = 0; k < entry.childKinds().size(); k++) {
                    UnitKind kind = enumValue(at + ".childKinds[" + k + "]", entry.childKinds().get(k), UnitKind.class);
                    if (kind != null) {
                        kinds.add(kind);
                    }
                }
                long tolerance = entry.tolerance() == null ? 0 : entry.tolerance();
                if (tolerance < 0) {
                    problem(at + ".tolerance", "不得为负数", "must not be negative");
                }
                rules.add(ReconciliationRule.newBuilder().setId(nullToEmpty(entry.id()))
                        .setParentMetric(nullToEmpty(entry.parentMetric())).setChildMetric(nullToEmpty(entry.childMetric()))
                        .setChildKinds(kinds).setTolerance(tolerance).build());
            }
            jurisdiction.setReconciliation(rules);
        }

        private void recipients(Jurisdiction.Builder jurisdiction) {
            var recipients = doc.recipients();
            if (recipients == null) {
                return;
            }
            List<String> bulletin = new ArrayList<>();
            for (int i = 0; i < recipients.bulletin().size(); i++) {
                if (recipients.bulletin().get(i) == null) {
                    problem("recipients.bulletin[" + i + "]", "为空", "is empty");
                    continue;
                }
                bulletin.add(recipients.bulletin().get(i));
                if (!usersById.containsKey(recipients.bulletin().get(i))) {
                    problem("recipients.bulletin[" + i + "]", "没有用户“" + recipients.bulletin().get(i) + "”",
                            "unknown user '" + recipients.bulletin().get(i) + "'");
                }
            }
            jurisdiction.setBulletinRecipientIds(bulletin);
            if (recipients.upstream() != null) {
                jurisdiction.setUpstream(channel("recipients.upstream", recipients.upstream()));
            }
        }

        private static String nullToEmpty(String s) {
            return s == null ? "" : s;
        }
    }
}
