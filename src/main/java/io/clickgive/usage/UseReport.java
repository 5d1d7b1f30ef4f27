package io.clickgive.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What became of the data delivered: per region and per beneficiary kind, the gigabytes delivered (on tablets and to
 * sites' routers), reported used, lapsed (valid no more, and not used by the beneficiary's own report), and not
 * reported yet; and the reports that are due (a request's bundles are valid no more and it has not said how it used
 * them), for the managers' reminders.
 */
public record UseReport(String campaign, String gigabyteConvention, Row total, List<Row> regions, List<Row> kinds,
                        List<Due> due) {

    /** One line: a region code, a beneficiary kind, or "total". */
    public record Row(String key, long deliveredMegabytes, BigDecimal deliveredGigabytes, long usedMegabytes,
                      BigDecimal usedGigabytes, long lapsedMegabytes, BigDecimal lapsedGigabytes,
                      long unreportedMegabytes, BigDecimal unreportedGigabytes) {
    }

    /** A usage report waiting: whose, what it was delivered, since when its data is no longer valid. */
    public record Due(long request, String beneficiary, String name, String region, BigDecimal deliveredGigabytes,
                      LocalDate validUntil) {
    }
}
