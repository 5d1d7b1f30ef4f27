package io.clickgive.demo;

import io.clickgive.common.ClickgiveConfig;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Loads the demo when dev mode starts (clickgive.demo.load, on in dev), after the catalog, the ledger writer and the
 * first admin are ready, into a database that holds no campaign but the demo's. Only in dev mode: tests load it
 * themselves, production has no demo at all.
 */
@ApplicationScoped
@IfBuildProfile("dev")
class DemoOnStart {

    void onStart(@Observes @Priority(3000) StartupEvent event, ClickgiveConfig config, DemoLoader demo) {
        if (!config.demo().load()) {
            return;
        }
        List<String> others = demo.otherCampaigns();
        if (!others.isEmpty()) {
            // Its users' passwords are in the README: never added to a database that holds real work.
            Log.infof("The demo is not loaded: this database holds other campaigns %s", others);
            return;
        }
        try {
            demo.load();
        } catch (RuntimeException e) {
            // The service still starts: the demo is a convenience, and the log says what went wrong.
            Log.errorf(e, "The demo could not be loaded");
        }
    }
}
