package io.clickgive.common;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** The one clock of the service, injected so that time-dependent rules read it from one place. */
public class Clocks {

    /** The programme's country: campaign times, delivery dates and "today" are Morocco's. */
    public static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
