package io.clickgive.share;

/**
 * What a share image says, in one language: a title (the campaign's or a team's name), the big figure ("999,3 GB"),
 * the line under it ("donated, confirmed in the ledger"), and the foot (the site's name and its promise).
 */
public record ShareCard(String lang, String title, String figure, String caption, String foot) {

    public boolean rightToLeft() {
        return "ar".equals(lang);
    }
}
