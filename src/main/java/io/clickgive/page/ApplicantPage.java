package io.clickgive.page;

import java.util.List;

/**
 * An application as its applicant's link shows it, in the page's language; {@code address}: the link in full, to keep.
 */
public record ApplicantPage(String slug, String reference, String call, String organisation, String status,
                            String statusText, String submitted, List<Step> steps, boolean replyAwaited,
                            String link, String address, List<String> problems) {

    /** Where the reply form posts: the link's page, /reply, with the same key. */
    public String replyAction() {
        return link.replace("?", "/reply?");
    }

    public record Step(String when, String who, String status, String message) {
    }
}
