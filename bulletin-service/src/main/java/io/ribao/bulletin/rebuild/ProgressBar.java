package io.ribao.bulletin.rebuild;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rebuild's progress: records read / total per topic and the overall percent. On a terminal one short line is
 * redrawn in place ({@code \r}) with the topics still being read; otherwise (a log file, a pipe) a new line is printed each time the overall percent
 * passes another step. Totals are offset spans (end − start), so a compacted topic with gaps reaches its total too.
 */
public final class ProgressBar {

    private static final int WIDTH = 20;
    private static final String PREFIX = "ribao.";

    private final Map<String, Long> totals;
    private final Map<String, Long> done = new LinkedHashMap<>();
    private final boolean inPlace;
    private final int stepPercent;
    private final PrintStream out;
    private int lastStepPrinted = -1;
    private String lastLine = "";

    /**
     * @param totals      per topic, in display order, how many offsets it will read
     * @param inPlace     redraw one line with {@code \r} (a terminal) instead of printing a line per step
     * @param stepPercent when not in place, print a line each time the overall percent passes a multiple of this
     */
    public ProgressBar(Map<String, Long> totals, boolean inPlace, int stepPercent, PrintStream out) {
        if (stepPercent < 1 || stepPercent > 100) {
            throw new IllegalArgumentException("step must be 1..100 percent, was " + stepPercent);
        }
        this.totals = new LinkedHashMap<>(totals);
        this.inPlace = inPlace;
        this.stepPercent = stepPercent;
        this.out = out;
        totals.keySet().forEach(topic -> done.put(topic, 0L));
    }

    /** Records how far a topic has been read and shows it, if the display changed enough to show. */
    public void advance(String topic, long read) {
        Long total = totals.get(topic);
        if (total == null) {
            throw new IllegalArgumentException("no such topic in the progress bar: " + topic);
        }
        done.put(topic, Math.min(read, total));
        show();
    }

    /** The overall percent, rounded down; 100 when there is nothing to read. */
    public int percent() {
        long total = totals.values().stream().mapToLong(Long::longValue).sum();
        long read = done.values().stream().mapToLong(Long::longValue).sum();
        return total == 0 ? 100 : (int) (read * 100 / total);
    }

    /** The line printed when not in place: the overall bar and every topic's read / total. */
    public String render() {
        StringBuilder line = bar();
        totals.forEach((topic, total) -> line.append("  ").append(shortName(topic)).append(' ')
                .append(done.get(topic)).append('/').append(total));
        return line.toString();
    }

    /**
     * The line redrawn in place, short enough not to wrap on a terminal (a wrapped line cannot be redrawn with
     * {@code \r}): the overall bar, the topics still being read, and how many are done.
     */
    public String renderInPlace() {
        StringBuilder line = bar();
        int finished = 0;
        for (Map.Entry<String, Long> topic : totals.entrySet()) {
            long read = done.get(topic.getKey());
            if (read >= topic.getValue()) {
                finished++;
            } else {
                line.append("  ").append(shortName(topic.getKey())).append(' ').append(read).append('/')
                        .append(topic.getValue());
            }
        }
        return line.append("  (").append(finished).append('/').append(totals.size()).append(" topics done)")
                .toString();
    }

    private StringBuilder bar() {
        int percent = percent();
        int filled = percent * WIDTH / 100;
        return new StringBuilder("rebuild [")
                .append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                .append(String.format("%3d%%", percent));
    }

    /** Shows the final state and ends the line. */
    public void finish() {
        String line = inPlace ? renderInPlace() : render();
        if (inPlace) {
            // pad over the longer line it replaces
            out.print("\r" + line + " ".repeat(Math.max(0, lastLine.length() - line.length())) + "\n");
        } else if (!line.equals(lastLine)) {
            out.println(line);
        }
        lastLine = line;
        out.flush();
    }

    private void show() {
        String line = inPlace ? renderInPlace() : render();
        if (inPlace) {
            if (!line.equals(lastLine)) {
                out.print("\r" + line + " ".repeat(Math.max(0, lastLine.length() - line.length())));
                out.flush();
            }
        } else {
            int step = percent() / stepPercent;
            if (step > lastStepPrinted) {
                out.println(line);
                lastStepPrinted = step;
            } else {
                return;
            }
        }
        lastLine = line;
    }

    private static String shortName(String topic) {
        return topic.startsWith(PREFIX) ? topic.substring(PREFIX.length()) : topic;
    }
}
