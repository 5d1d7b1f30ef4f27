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
