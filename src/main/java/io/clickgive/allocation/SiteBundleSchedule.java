package io.clickgive.allocation;

import io.clickgive.common.Clocks;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.YearMonth;

/**
 * Issues this month's site bundles of every campaign that has site plans, every hour (clickgive.site-bundles.every;
 * off in tests, which run it themselves): a month is issued once per plan, so every run after the first adds only
 * what the pool could not give before, or what a site installed since.
 */
@ApplicationScoped
public class SiteBundleSchedule {

    private final SiteBundles bundles;
    private final Clock clock;

    public SiteBundleSchedule(SiteBundles bundles, Clock clock) {
        this.bundles = bundles;
        this.clock = clock;
    }

    @Scheduled(every = "{clickgive.site-bundles.every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void issueThisMonth() {
        String month = YearMonth.now(clock.withZone(Clocks.MOROCCO)).toString();
        for (String slug : bundles.campaignsWithPlans()) {
            try {
                SiteBundleView.Run run = bundles.issue(slug, month, "schedule");
                long issued = run.outcomes().stream().filter(o -> o.result() == SiteBundleView.Result.ISSUED).count();
                if (issued > 0) {
                    Log.infof("Site bundles of %s for %s: %d issued", slug, month, issued);
                }
            } catch (RuntimeException e) {
                Log.warnf("Site bundles of %s for %s not issued: %s", slug, month, e.getMessage());
            }
        }
    }
}
