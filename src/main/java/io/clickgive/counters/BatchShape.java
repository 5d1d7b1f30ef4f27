package io.clickgive.counters;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.util.ArrayList;
import java.util.List;

/**
 * What the app can tell of a batch's click timing from the batch alone, so the batch script only has to add what
 * crosses the boundary with the session's earlier clicks: when nothing is close to a limit, the script takes its fast
 * path and never looks at the clicks one by one (Redis time is the click path's scarcest resource).
 *
 * @param tooFast    clicks closer than the minimum interval to the click before them in this batch
 * @param maxWindow  the most clicks of this batch within any second (a click and those up to 999 ms before it)
 * @param intervals  intervals of at most 1 s between this batch's clicks, their sum and the sum of their squares
 * @param lastSecond the batch's clicks within the second before its last click (written comma-separated: the script
 *                   stores them as they are, and reads them only when the earlier tail overlaps)
 */
public record BatchShape(int tooFast, int maxWindow, long intervals, long sum, long squares,
                         @JsonSerialize(using = CommaSeparated.class) List<Integer> lastSecond) {

    /** How many clicks {@link #lastSecond} holds: the script keeps the count beside the tail. */
    @JsonProperty
    public int lastSecondCount() {
        return lastSecond.size();
    }

    public static BatchShape of(List<Integer> offsets, int minIntervalMs) {
        int tooFast = 0;
        int maxWindow = 0;
        long intervals = 0;
        long sum = 0;
        long squares = 0;
        int from = 0;
        for (int i = 0; i < offsets.size(); i++) {
            int offset = offsets.get(i);
            if (i > 0) {
                long gap = offset - offsets.get(i - 1);
                if (gap <= 1000) {
                    intervals++;
                    sum += gap;
                    squares += gap * gap;
                }
                if (gap < minIntervalMs) {
                    tooFast++;
                }
            }
            while (offsets.get(from) <= offset - 1000) {
                from++;
            }
            maxWindow = Math.max(maxWindow, i - from + 1);
        }
        List<Integer> last = new ArrayList<>();
        if (!offsets.isEmpty()) {
            int end = offsets.get(offsets.size() - 1);
            for (int offset : offsets) {
                if (offset > end - 1000) {
                    last.add(offset);
                }
            }
        }
        return new BatchShape(tooFast, maxWindow, intervals, sum, squares, last);
    }
}
