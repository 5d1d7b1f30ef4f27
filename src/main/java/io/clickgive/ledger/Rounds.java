package io.clickgive.ledger;

import io.clickgive.common.Resources;
import io.clickgive.common.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/** What one round gave, from the ledger: what a shared round may claim (never what the page said it sent). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Rounds {

    private static final String ROUND = Resources.sql("ledger/round");

    /** A round's recorded clicks and megabytes; none recorded (unknown, or not yet written): zero. */
    public record Given(long clicks, long megabytes) {
    }

    public Given given(long campaignId, String session) {
        Tuple row = Rows.single(ROUND, session, campaignId);
        return new Given(Rows.number(row, "clicks"), Rows.number(row, "megabytes"));
    }
}
