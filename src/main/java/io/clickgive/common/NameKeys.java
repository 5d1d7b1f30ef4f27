package io.clickgive.common;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A name as compared, not as written: case, accents, Arabic short vowels and the tatweel, spaces and punctuation
 * removed, so "École Atlas", "ecole-atlas" and "ÉCOLE  ATLAS" are one name; so are "مدرسة الأطلس" with and without
 * its harakat.
 */
public final class NameKeys {

    private NameKeys() {
    }

    public static String of(String name) {
        String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFKD);
        return decomposed.replaceAll("\\p{M}+", "").replace("\u0640", "")
                .replaceAll("[^\\p{L}\\p{N}]+", "").toLowerCase(Locale.ROOT);
    }
}
