package io.clickgive.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/** A team of a campaign: its invite code, its name as written and as compared, its region, and whether it is hidden. */
@Entity
public class Team extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long campaignId;
    public String code;
    public String name;
    public String nameKey;
    public String regionCode;
    public String createdBy;
    public Instant createdAt;
    public Instant hiddenAt;
    public String hiddenReason;

    public boolean hidden() {
        return hiddenAt != null;
    }

    static Team byCode(String code) {
        return find("code", code).firstResult();
    }
}
