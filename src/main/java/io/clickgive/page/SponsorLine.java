package io.clickgive.page;

import io.clickgive.campaign.CampaignRules;
import io.clickgive.sponsor.PurseView;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * The sponsor as the campaign page names it: who gives, its logo and link, and what is left of its purse (or, once it
 * is spent, the thanks). Null parts are left out of the page.
 */
public record SponsorLine(String name, String logo, String link, String line, boolean spent) {

    static SponsorLine of(PageView page, PurseView purse, CampaignRules campaign) {
        if (purse.sponsor() == null) {
            return null;
        }
        if (purse.purseMegabytes() == null) {
            return new SponsorLine(purse.sponsor(), purse.logo(), purse.link(), null, false);
        }
        NumberFormat gigabytes = NumberFormat.getNumberInstance(Locale.forLanguageTag(page.lang() + "-MA"));
        gigabytes.setMaximumFractionDigits(1);
        String left = page.text("gigabytes", "value", gigabytes.format(campaign.gigabytes(purse.leftMegabytes())));
        String all = page.text("gigabytes", "value", gigabytes.format(campaign.gigabytes(purse.purseMegabytes())));
        String line = purse.spent()
                ? page.text("purseSpent").replace("{sponsor}", purse.sponsor())
                : page.text("purseLeft").replace("{left}", left).replace("{purse}", all).replace("{sponsor}", purse.sponsor());
        return new SponsorLine(purse.sponsor(), purse.logo(), purse.link(), line, purse.spent());
    }
}
