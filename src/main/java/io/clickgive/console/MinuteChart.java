package io.clickgive.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Clicks per minute as an SVG bar chart drawn on the server: it needs no script and no chart library, refreshes with
 * the page, and reads the same in every language (bars run from the oldest minute at the start of the line).
 */
public record MinuteChart(int width, int height, List<Bar> bars, long max, long last, long total) {

    public record Bar(int x, int y, int width, int height, int minutesAgo, long clicks) {
    }

    /** Minutes from the first bar to the last. */
    public int span() {
        return Math.max(0, bars.size() - 1);
    }

    static final int WIDTH = 600;
    static final int HEIGHT = 140;

    static MinuteChart of(long[] clicks) {
        long max = 0;
        long total = 0;
        for (long c : clicks) {
            max = Math.max(max, c);
            total += c;
        }
        int slot = WIDTH / Math.max(1, clicks.length);
        List<Bar> bars = new ArrayList<>(clicks.length);
        for (int i = 0; i < clicks.length; i++) {
            // A minute with clicks shows at least a 2 px bar, so a quiet minute is told from an empty one.
            int h = max == 0 ? 0 : (int) Math.max(clicks[i] > 0 ? 2 : 0, clicks[i] * HEIGHT / max);
            bars.add(new Bar(i * slot + 1, HEIGHT - h, slot - 2, h, clicks.length - 1 - i, clicks[i]));
        }
        return new MinuteChart(WIDTH, HEIGHT, bars, max, clicks.length == 0 ? 0 : clicks[clicks.length - 1], total);
    }
}
