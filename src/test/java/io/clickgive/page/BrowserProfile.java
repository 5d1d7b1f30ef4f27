package io.clickgive.page;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The app as a browser sees it: Quinoa on (the page's script and style built and served), the production countdown and
 * grace, so the page plays a round as it would on a phone. The script's unit tests already ran in the build.
 */
public class BrowserProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.quinoa", "true",
                "quarkus.quinoa.run-tests", "false",
                "clickgive.counters.countdown", "3s",
                "clickgive.counters.grace", "5s");
    }
}
