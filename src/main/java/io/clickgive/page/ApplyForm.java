package io.clickgive.page;

import java.util.List;
import java.util.Map;

/**
 * The application form as the page shows it: the call's rules in the page's language, the choices, the answers to
 * its questions, and what the applicant typed with each problem found in it (in their language).
 */
public record ApplyForm(String slug, String title, String deadline, String who, List<Choice> kinds,
                        List<Choice> regions, List<Question> questions, Map<String, String> values,
                        List<String> problems, boolean siteKind) {

    public record Choice(String code, String label, boolean chosen) {
    }

    public record Question(int index, String text, String answer) {
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }
}
