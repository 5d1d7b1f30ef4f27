package io.clickgive.page;

import java.util.List;
import java.util.Map;

/**
 * What the campaign page's shell shows before its script runs: language and direction, the campaign's name, the total
 * as last read, and {@code boot}, the JSON the script starts from (already safe inside a script element).
 */
public record PageView(String slug, String lang, String dir, Map<String, String> t, String name, String url, String ogLocale,
                       String gigabytes, String percent, String goal, List<Language> languages, String boot) {

    public record Language(String code, String label, String href, boolean current) {
    }

    public String text(String key) {
        return t.getOrDefault(key, key);
    }

    /** "GB", "Go" or "غيغابايت". */
    public String gigabyteUnit() {
        return text("gigabytes").replace("{value}", "").strip();
    }

    /** "12.5% of the 400 GB goal", in this page's language. */
    public String goalLine() {
        return text("ofGoal").replace("{percent}", percent).replace("{goal}", goal);
    }

    /** The absolute address of the campaign's share image in this page's language, for og:image. */
    public String shareImage() {
        java.net.URI here = java.net.URI.create(url);
        return here.getScheme() + "://" + here.getRawAuthority() + "/c/" + slug + "/share.png?lang=" + lang;
    }

    /** A text with its {placeholders} filled in. */
    public String text(String key, String name, Object value) {
        return text(key).replace("{" + name + "}", String.valueOf(value));
    }
}
