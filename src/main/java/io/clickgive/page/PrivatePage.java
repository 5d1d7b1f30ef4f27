package io.clickgive.page;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An HTML answer for a page reached through a link that carries a key (an applicant's, a beneficiary's): never kept
 * by a shared cache, and never sent on as a referrer to another site, so the key stays with whoever holds it.
 */
final class PrivatePage {

    private PrivatePage() {
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page)
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }
}
