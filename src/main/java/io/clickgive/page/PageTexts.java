package io.clickgive.page;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The public page's texts per language, from messages/page_{ar,fr,en}.properties (UTF-8). The same files feed the
 * server's templates and, as JSON, the page's script, so a translation lives in one place. Qute's @MessageBundle
 * would render them on the server only: the script needs the raw texts with their {placeholders}.
 */
@ApplicationScoped
public class PageTexts {

    public static final List<String> LANGUAGES = List.of("ar", "fr", "en");

    private final Map<String, Map<String, String>> texts = new TreeMap<>();
    private final Map<String, Map<String, String>> merged = new java.util.concurrent.ConcurrentHashMap<>();

    public PageTexts() {
        for (String lang : LANGUAGES) {
            texts.put(lang, bundle("page", lang));
        }
    }

    public Map<String, String> of(String lang) {
        return texts.get(lang);
    }

    /** The language switcher's links, this language marked current. */
    public List<PageView.Language> languages(String lang) {
        return LANGUAGES.stream().map(code -> new PageView.Language(code, of(code).get("languageName"), "?lang=" + code,
                code.equals(lang))).toList();
    }

    /** OpenGraph's locale for a page in this language. */
    public static String ogLocale(String lang) {
        return switch (lang) {
            case "ar" -> "ar_MA";
            case "fr" -> "fr_MA";
            default -> "en_US";
        };
    }

    /** The page's texts with a page's own bundle (messages/{bundle}_{lang}) over them, read once per bundle. */
    public Map<String, String> with(String bundle, String lang) {
        return merged.computeIfAbsent(bundle + "|" + lang, k -> {
            Map<String, String> t = new TreeMap<>(of(lang));
            t.putAll(bundle(bundle, lang));
            return Map.copyOf(t);
        });
    }

    /**
     * The shell of a page with its own bundle, titled by {@code titleKey}; behind a link that carries a key (an
     * applicant's, a beneficiary's), the language switcher keeps the key so that changing language keeps the page.
     */
    public PageView view(String bundle, String titleKey, String lang, String slug, String url, String key) {
        Map<String, String> t = with(bundle, lang);
        List<PageView.Language> languages = key == null || key.length() > 64 ? languages(lang)
                : languages(lang).stream().map(l -> new PageView.Language(l.code(), l.label(),
                "?key=" + key + "&lang=" + l.code(), l.current())).toList();
        return new PageView(slug, lang, lang.equals("ar") ? "rtl" : "ltr", t, t.get(titleKey), url, ogLocale(lang),
                "", "", "", languages, "{}");
    }

    public Map<String, Map<String, String>> all() {
        return texts;
    }

    /** The language asked for with ?lang=, else the browser's first supported one, else Arabic. */
    public static String choose(String requested, String acceptLanguage) {
        if (requested != null && LANGUAGES.contains(requested.toLowerCase(Locale.ROOT))) {
            return requested.toLowerCase(Locale.ROOT);
        }
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String lang = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (LANGUAGES.contains(lang)) {
                        return lang;
                    }
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                // a malformed header is ignored, not an error (the JDK's parser throws the latter for "-")
            }
        }
        return "ar";
    }

    /** The texts of messages/{name}_{lang}.properties (UTF-8), sorted by key. */
    public static Map<String, String> bundle(String name, String lang) {
        String path = "messages/" + name + "_" + lang + ".properties";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new TreeMap<>();
            properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
