package io.clickgive.distribution;

import io.clickgive.common.Resources;
import io.clickgive.common.Rows;
import io.clickgive.web.ClientError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** The proofs of delivery kept with tablets' deliveries, as managers see them in a tablet's history. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeliveryProofs {

    private static final String PROOFS = Resources.sql("distribution/proofs");
    private static final String IMAGE = Resources.sql("distribution/proof-image");

    /** One proof: when the delivery it proves was recorded, by whom, and whether a photo was taken. */
    public record Proof(long id, Instant at, String actor, boolean photo) {
    }

    /** One image of a proof, to be served as it was stored. */
    public record Image(String type, byte[] bytes) {
    }

    public List<Proof> of(String serial) {
        return Rows.list(PROOFS, serial).stream().map(row -> new Proof(Rows.number(row, "id"),
                Rows.instant(row, "at"), Rows.text(row, "actor"),
                Boolean.TRUE.equals(row.get("has_photo")))).toList();
    }

    /** The signature or the photo of one of the tablet's proofs; 404 if there is none. */
    public Image image(String serial, long proof, boolean photo) {
        List<Tuple> rows = Rows.list(IMAGE, proof, serial);
        if (rows.isEmpty() || (photo && rows.get(0).get("photo") == null)) {
            throw ClientError.notFound("No such proof for tablet '" + serial + "'");
        }
        Tuple row = rows.get(0);
        return photo ? new Image(Rows.text(row, "photo_type"), (byte[]) row.get("photo"))
                : new Image(Rows.text(row, "signature_type"), (byte[]) row.get("signature"));
    }
}
