package io.clickgive.site;

import java.util.List;

/**
 * The village programme in figures: installations per phase (against its plan and budget), per province, and the cost
 * of an installation month by month; people covered are the people the installed sites serve.
 */
public record SiteReport(int surveyed, int installed, int live, long peopleCovered, List<Phase> phases,
                         List<Province> provinces, List<Month> months) {

    public record Phase(int number, String name, int planned, int installed, int live, long budgetMad, long spentMad,
                        Long costPerInstallationMad, long peopleCovered, Integer averageBandwidthMbps) {
    }

    public record Province(String region, String province, int installed, int live, long peopleCovered,
                           Integer averageBandwidthMbps, Long costPerInstallationMad) {
    }

    /** Installations of one month (yyyy-MM) and what each cost on average. */
    public record Month(String month, int installed, Long costPerInstallationMad, Integer averageBandwidthMbps) {
    }
}
