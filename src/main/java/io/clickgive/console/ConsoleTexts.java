package io.clickgive.console;

import io.clickgive.page.PageTexts;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/**
 * The console's texts per language: the public page's (site name, gigabytes, the guard's reasons…) and the console's
 * own, from messages/console_{ar,fr,en}.properties. Kept apart so the public page's script never downloads them.
 */
@ApplicationScoped
public class ConsoleTexts {

    private final Map<String, Map<String, String>> texts = new HashMap<>();

    public ConsoleTexts(PageTexts page) {
        for (String lang : PageTexts.LANGUAGES) {
            Map<String, String> merged = new HashMap<>(page.of(lang));
            merged.putAll(PageTexts.bundle("console", lang));
            texts.put(lang, Map.copyOf(merged));
        }
    }

    public Map<String, String> of(String lang) {
        return texts.get(lang);
    }
}
