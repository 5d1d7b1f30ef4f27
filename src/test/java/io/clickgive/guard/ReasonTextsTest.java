package io.clickgive.guard;

import io.clickgive.page.PageTexts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Managers read every rule in their language; the public page has a word for every word the API answers, and no rule. */
class ReasonTextsTest {

    @Test
    void everyRuleHasConsoleWordsAndEveryPublicWordHasPageWords() {
        for (String lang : List.of("ar", "fr", "en")) {
            Map<String, String> console = PageTexts.bundle("console", lang);
            Map<String, String> page = PageTexts.bundle("page", lang);
            for (Reason reason : Reason.values()) {
                assertNotNull(console.get("rule." + reason.name()), lang + ": rule." + reason.name());
            }
            for (Reason.Word word : List.of(Reason.Word.TOO_FAST, Reason.Word.LATE, Reason.Word.LIMIT,
                    Reason.Word.NOT_COUNTED)) {
                assertNotNull(page.get("reason." + word.name()), lang + ": reason." + word.name());
            }
            for (String rule : List.of("SUPERHUMAN", "REGULAR", "BURST", "FUTURE", "FRESH_RATE")) {
                assertFalse(page.containsKey("reason." + rule), lang + ": the public page names the rule " + rule);
            }
        }
    }
}
