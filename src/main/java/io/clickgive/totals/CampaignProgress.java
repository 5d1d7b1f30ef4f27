package io.clickgive.totals;

import java.math.BigDecimal;

/** The campaign's total in brief, returned with every batch so the player sees the whole effort grow. */
public record CampaignProgress(long megabytes, BigDecimal gigabytes, String gigabyteConvention, BigDecimal percentOfGoal) {
}
