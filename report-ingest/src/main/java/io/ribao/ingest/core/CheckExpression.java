package io.ribao.ingest.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form's cross-field check such as {@code temperature_checks >= persons_registered} or
 * {@code nucleic_tested + pending <= nucleic_samples}: two sums of metric codes and non-negative integers compared
 * with one of {@code >= <= > < == !=}. Metrics missing from a report count as 0.
 */
public final class CheckExpression {

    private static final Pattern COMPARISON = Pattern.compile("^(.+?)\\s*(>=|<=|==|!=|>|<)\\s*(.+)$");
    private static final Pattern TERM = Pattern.compile("[a-z][a-z0-9_]*|\\d{1,15}");

    private final String text;
    private final List<Term> left;
    private final String operator;
    private final List<Term> right;

    private record Term(int sign, String metric, long constant) {
        long valueIn(Map<String, Long> metrics) {
            return sign * (metric == null ? constant : metrics.getOrDefault(metric, 0L));
        }
    }

    private CheckExpression(String text, List<Term> left, String operator, List<Term> right) {
        this.text = text;
        this.left = left;
        this.operator = operator;
        this.right = right;
    }

    /** Parses a check; throws {@link IllegalArgumentException} with a reason when it is not one. */
    public static CheckExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty check");
        }
        Matcher m = COMPARISON.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("a check compares two sums with >=, <=, >, <, == or !=");
        }
        return new CheckExpression(text.strip(), sum(m.group(1)), m.group(2), sum(m.group(3)));
    }

    private static List<Term> sum(String side) {
        List<Term> terms = new ArrayList<>();
        String rest = side.strip();
        int sign = 1;
        while (true) {
            int next = nextOperator(rest);
            String token = (next < 0 ? rest : rest.substring(0, next)).strip();
            if (!TERM.matcher(token).matches()) {
                throw new IllegalArgumentException("'" + token + "' is neither a metric code nor a whole number");
            }
            terms.add(Character.isDigit(token.charAt(0))
                    ? new Term(sign, null, Long.parseLong(token))
                    : new Term(sign, token, 0));
            if (next < 0) {
                return terms;
            }
            sign = rest.charAt(next) == '-' ? -1 : 1;
            rest = rest.substring(next + 1);
        }
    }

    private static int nextOperator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '+' || s.charAt(i) == '-') {
                return i;
            }
        }
        return -1;
    }

    /** Metric codes the check reads, left side first. */
    public Set<String> metrics() {
        Set<String> codes = new LinkedHashSet<>();
        left.stream().filter(t -> t.metric() != null).forEach(t -> codes.add(t.metric()));
        right.stream().filter(t -> t.metric() != null).forEach(t -> codes.add(t.metric()));
        return codes;
    }

    public boolean holdsFor(Map<String, Long> metrics) {
        long l = left.stream().mapToLong(t -> t.valueIn(metrics)).sum();
        long r = right.stream().mapToLong(t -> t.valueIn(metrics)).sum();
        return switch (operator) {
            case ">=" -> l >= r;
            case "<=" -> l <= r;
            case ">" -> l > r;
            case "<" -> l < r;
            case "==" -> l == r;
            default -> l != r;
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
