package io.clickgive.console;

import io.clickgive.campaign.CampaignStatus;
import io.clickgive.distribution.TabletStatus;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/** What every console page needs: language, texts, who is signed in, the form token. */
public record ConsoleView(String lang, String dir, Map<String, String> t, String user, String role, String csrf) {

    /** Campaign times are shown and entered in Morocco's time. */
    public static final ZoneId ZONE = io.clickgive.common.Clocks.MOROCCO;

    public String text(String key) {
        return t.getOrDefault(key, key);
    }

    public String text(String key, String name, Object value) {
        return text(key).replace("{" + name + "}", String.valueOf(value));
    }

    public String text(String key, String name, Object value, String other, Object otherValue) {
        return text(key, name, value).replace("{" + other + "}", String.valueOf(otherValue));
    }

    /** The text of one of a family of keys, such as console.role.manager. */
    public String keyed(String family, String member) {
        return text(family + "." + member);
    }

    public String status(CampaignStatus status) {
        return text("console.status." + status.name());
    }

    public String moveTo(CampaignStatus status) {
        return text("console.to." + status.name());
    }

    public String tablet(TabletStatus status) {
        return text("tablet." + status.name());
    }

    /** A region's name in this page's language, with its code. */
    public String region(io.clickgive.campaign.Region region) {
        String name = switch (lang) {
            case "ar" -> region.nameAr;
            case "fr" -> region.nameFr;
            default -> region.nameEn;
        };
        return name + " (" + region.code + ")";
    }

    /** A tablet's status as the managers' inventory says it (the distributor's page says "shipped to you"). */
    public String stock(TabletStatus status) {
        return text("stock." + status.name());
    }

    /** A guard rule in words, with its code for those who search the logs (managers see rules, the public words). */
    public String reason(String code) {
        String words = t.get("rule." + code);
        return words == null ? code : words + " (" + code + ")";
    }

    /** A number as this page's language writes it (Morocco's conventions for ar, fr and en). */
    public String number(Object value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(3);
        return format.format(value);
    }

    /** A duration in milliseconds as seconds with one decimal. */
    public String seconds(long millis) {
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(1);
        return format.format(millis / 1000.0);
    }

    /** A moment in Morocco's time, as this page's language writes it. */
    public String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale()).withZone(ZONE).format(instant);
    }

    /** A day, as this page's language writes it. */
    public String date(java.time.LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(day);
    }

    /** From one thing to the next, pointing the way this page's language reads. */
    public String arrow() {
        return "rtl".equals(dir) ? "←" : "→";
    }

    /** A moment as an input of type datetime-local expects it, in Morocco's time. */
    public String inputTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZONE).format(instant);
    }

    public boolean isAdmin() {
        return "admin".equals(role);
    }

    private Locale locale() {
        return Locale.forLanguageTag(lang + "-MA");
    }
}
