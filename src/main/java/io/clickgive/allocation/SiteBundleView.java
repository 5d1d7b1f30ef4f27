package io.clickgive.allocation;

import java.time.LocalDate;
import java.util.List;

/** The sites' monthly bundles: each plan, the months issued, and what one run of a month did. */
public final class SiteBundleView {

    private SiteBundleView() {
    }

    /** A plan as managers read it, with the months already issued. */
    public record Plan(String site, String device, int monthlyMegabytes, String firstMonth, int months,
                       List<Issued> issued) {
    }

    public record Issued(String month, int megabytes, LocalDate activatesOn, LocalDate expiresOn) {
    }

    /** What a run did for one plan: ISSUED, ALREADY (issued before), NOT_INSTALLED (no router yet), SHORT (the pool). */
    public record Outcome(String site, String month, int megabytes, Result result, String detail) {
    }

    public enum Result { ISSUED, ALREADY, NOT_INSTALLED, SHORT }

    /** One month's run for a campaign: each due plan's outcome, and the pool after. */
    public record Run(String campaign, String month, List<Outcome> outcomes, PoolView pool) {
    }
}
