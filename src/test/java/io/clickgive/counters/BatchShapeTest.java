package io.clickgive.counters;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The app's measure of a batch, which lets the batch script skip the click-by-click walk. */
class BatchShapeTest {

    @Test
    void measuresGapsWindowsAndTheLastSecond() {
        BatchShape shape = BatchShape.of(List.of(100, 110, 400, 1_099, 1_100, 2_600), 15);
        assertEquals(2, shape.tooFast()); // 110 after 100, 1 100 after 1 099
        assertEquals(4, shape.maxWindow()); // 110, 400, 1 099, 1 100 lie within one second
        assertEquals(4, shape.intervals()); // the 1 500 ms gap is a pause, not an interval
        assertEquals(10 + 290 + 699 + 1, shape.sum());
        assertEquals(10L * 10 + 290L * 290 + 699L * 699 + 1, shape.squares());
        assertEquals(List.of(2600), shape.lastSecond());
    }

    @Test
    void windowIsHalfOpenAsInTheScript() {
        // A click exactly 1 000 ms after another no longer shares its second.
        assertEquals(1, BatchShape.of(List.of(0, 1_000, 2_000), 15).maxWindow());
        assertEquals(2, BatchShape.of(List.of(0, 999), 15).maxWindow());
        assertEquals(List.of(0, 999), BatchShape.of(List.of(0, 999), 15).lastSecond());
    }

    @Test
    void emptyBatchHasNoShape() {
        assertEquals(new BatchShape(0, 0, 0, 0, 0, List.of()), BatchShape.of(List.of(), 15));
    }
}
