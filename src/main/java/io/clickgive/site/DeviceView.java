package io.clickgive.site;

import java.time.Instant;

/** A site's device as managers see it. */
public record DeviceView(String site, SiteDevice.Kind kind, String iccid, String msisdn, String label,
                         Instant addedAt) {

    static DeviceView of(String site, SiteDevice d) {
        return new DeviceView(site, d.kind, d.iccid, d.msisdn, d.label, d.addedAt);
    }
}
