package io.clickgive.usage;

import io.clickgive.common.Resources;
import io.clickgive.common.Rows;
import io.clickgive.web.ClientError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The photos beneficiaries joined to their usage reports, for the managers' request page. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class UsagePhotos {

    private static final String PHOTO = Resources.sql("usage/photo");
    private static final String EVENTS = Resources.sql("usage/photo-events");

    /** A stored photo: its checked type and its bytes. */
    public record Photo(String type, byte[] bytes) {
    }

    /** The ids of the request's usage reports that came with a photo. */
    public Set<Long> reportsWithPhotos(long request) {
        return Rows.list(EVENTS, request).stream().map(r -> Rows.number(r, "event")).collect(Collectors.toSet());
    }

    public Photo photo(long request, long event) {
        List<Tuple> rows = Rows.list(PHOTO, request, event);
        if (rows.isEmpty()) {
            throw ClientError.notFound("No photo with this report");
        }
        return new Photo(Rows.text(rows.get(0), "content_type"), (byte[]) rows.get(0).get("bytes"));
    }
}
