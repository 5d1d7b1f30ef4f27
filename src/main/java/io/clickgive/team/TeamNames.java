package io.clickgive.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a team may be called: 3 to 40 characters of letters (any script), digits, spaces and a little punctuation, at
 * least two of them letters or digits, and no web address. Bidirectional controls and other invisible characters are
 * refused, so a name cannot reorder the text around it on the page or in a share image.
 */
final class TeamNames {

    static final int MIN = 3;
    static final int MAX = 40;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{N} \\-'’.&(),#]+");
    private static final Pattern ADDRESS = Pattern.compile("(?i)(www\\.|https?|\\.(com|net|org|ma|fr|io|me|info)\\b)");

    private TeamNames() {
    }

    /** The name as kept: trimmed, inner runs of spaces made one. */
    static String tidy(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ");
    }

    /** Every problem with a tidied name, in words a player understands; none when it may be used. */
    static List<String> problems(String name) {
        List<String> problems = new ArrayList<>();
        int length = name.codePointCount(0, name.length());
        if (length == 0) {
            problems.add("name: a team needs a name");
            return problems;
        }
        if (length < MIN || length > MAX) {
            problems.add("name: between " + MIN + " and " + MAX + " characters (this one has " + length + ")");
        }
        if (!ALLOWED.matcher(name).matches()) {
            problems.add("name: only letters, digits, spaces and - ' . & ( ) , # may be used");
        } else if (name.codePoints().filter(Character::isLetterOrDigit).count() < 2) {
            problems.add("name: at least two letters or digits");
        }
        if (ADDRESS.matcher(name.toLowerCase(Locale.ROOT)).find()) {
            problems.add("name: a team's name may not be a web address");
        }
        return problems;
    }
}
