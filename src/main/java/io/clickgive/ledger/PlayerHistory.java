package io.clickgive.ledger;

import io.clickgive.common.Resources;
import io.clickgive.common.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ledger holds of one player (by the keyed hash of its identity, never the identity): its rounds, clicks,
 * megabytes and best round per campaign, and the days it gave on. Erasing forgets the player in its rows; the rows and
 * their megabytes stay.
 */
@ApplicationScoped
public class PlayerHistory {

    private static final String BY_CAMPAIGN = Resources.sql("ledger/player-by-campaign");
    private static final String BEST = Resources.sql("ledger/player-best-round");
    private static final String DAYS = Resources.sql("ledger/player-days");
    private static final String ERASE = Resources.sql("ledger/player-erase");

    /** A player's counted gifts in one campaign. */
    public record InCampaign(long campaignId, long rounds, long clicks, long megabytes, long bestRound) {
    }

    /** The player's campaigns it gave in, and its days of giving (newest first, Morocco's calendar). */
    public record Story(List<InCampaign> campaigns, List<LocalDate> days) {
    }

    @Transactional
    public Story of(String player) {
        Map<Long, Long> best = new HashMap<>();
        Rows.list(BEST, player).forEach(row -> best.put(Rows.number(row, "campaign_id"), Rows.number(row, "best")));
        List<InCampaign> campaigns = Rows.list(BY_CAMPAIGN, player).stream().map(row -> {
            long campaign = Rows.number(row, "campaign_id");
            return new InCampaign(campaign, Rows.number(row, "rounds"), Rows.number(row, "clicks"),
                    Rows.number(row, "megabytes"), best.getOrDefault(campaign, 0L));
        }).toList();
        List<LocalDate> days = Rows.list(DAYS, player).stream().map(row -> {
            Object day = row.get("day");
            return day instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) day;
        }).toList();
        return new Story(campaigns, days);
    }

    /** Forgets the player in every row of the ledger; answers how many rows named it. */
    @Transactional
    public int erase(String player) {
        return Rows.update(ERASE, player);
    }
}
