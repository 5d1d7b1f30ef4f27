package io.clickgive.console;

import io.clickgive.campaign.CampaignDraft;
import io.clickgive.campaign.CampaignView;
import io.clickgive.web.ClientError;
import io.clickgive.guard.GuardSettings;
import jakarta.ws.rs.FormParam;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * The campaign form as the manager filled it in, kept as typed so a refused form comes back as it was. Times are
 * Morocco's; blank numbers take the programme's usual values.
 */
public class CampaignForm {

    @FormParam("slug") public String slug;
    @FormParam("nameAr") public String nameAr;
    @FormParam("nameFr") public String nameFr;
    @FormParam("nameEn") public String nameEn;
    @FormParam("opensAt") public String opensAt;
    @FormParam("closesAt") public String closesAt;
    @FormParam("goalGigabytes") public String goalGigabytes;
    @FormParam("megabytesPerClick") public String megabytesPerClick;
    @FormParam("sessionSeconds") public String sessionSeconds;
    @FormParam("maxClicksPerSession") public String maxClicksPerSession;
    @FormParam("guard") public String guard;

    /** A new campaign's form: the guard on, the usual rates. */
    static CampaignForm blank() {
        CampaignForm form = new CampaignForm();
        form.guard = "on";
        form.megabytesPerClick = "10";
        form.sessionSeconds = "10";
        return form;
    }

    static CampaignForm of(CampaignView campaign, ConsoleView view) {
        CampaignForm form = new CampaignForm();
        form.slug = campaign.slug();
        form.nameAr = campaign.names().ar();
        form.nameFr = campaign.names().fr();
        form.nameEn = campaign.names().en();
        form.opensAt = view.inputTime(campaign.opensAt());
        form.closesAt = view.inputTime(campaign.closesAt());
        form.goalGigabytes = Long.toString(campaign.goalGigabytes());
        form.megabytesPerClick = Integer.toString(campaign.megabytesPerClick());
        form.sessionSeconds = Integer.toString(campaign.sessionSeconds());
        form.maxClicksPerSession = Integer.toString(campaign.maxClicksPerSession());
        form.guard = Boolean.TRUE.equals(campaign.guard().enabled()) ? "on" : null;
        return form;
    }

    public boolean guardOn() {
        return guard != null;
    }

    /** The draft the API would have received; {@code settings} are the guard's thresholds kept from before. */
    CampaignDraft draft(GuardSettings settings, int megabytesPerGigabyte) {
        return new CampaignDraft(trim(slug), new CampaignDraft.Names(trim(nameAr), trim(nameFr), trim(nameEn)),
                time("opensAt", opensAt), time("closesAt", closesAt), integer("megabytesPerClick", megabytesPerClick),
                integer("sessionSeconds", sessionSeconds), integer("maxClicksPerSession", maxClicksPerSession),
                number("goalGigabytes", goalGigabytes), megabytesPerGigabyte, settings.enabled(guardOn()));
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }

    static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(ConsoleView.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw ClientError.badRequest(field + ": a date and time such as 2026-03-01T09:00");
        }
    }

    private static Long number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ClientError.badRequest(field + ": a whole number");
        }
    }

    private static Integer integer(String field, String value) {
        Long n = number(field, value);
        if (n != null && (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE)) {
            throw ClientError.badRequest(field + ": too large");
        }
        return n == null ? null : n.intValue();
    }
}
