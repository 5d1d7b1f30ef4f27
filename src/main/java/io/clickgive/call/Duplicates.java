package io.clickgive.call;

import io.clickgive.common.NameKeys;

/**
 * How two applications are told to be the same organisation's: its name as written, stripped of case, accents, Arabic
 * short vowels, spaces and punctuation, in its region; or the same contact phone, whatever its spelling ("+212 6…",
 * "00212 6…", "06…"). Without accounts this is what stands between one organisation and a second application.
 */
final class Duplicates {

    private Duplicates() {
    }

    static String organisation(String name, String region) {
        return region + "|" + NameKeys.of(name);
    }

    static String phone(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.startsWith("00212")) {
            digits = "0" + digits.substring(5);
        } else if (digits.startsWith("212") && digits.length() == 12) {
            digits = "0" + digits.substring(3);
        }
        return digits;
    }
}
