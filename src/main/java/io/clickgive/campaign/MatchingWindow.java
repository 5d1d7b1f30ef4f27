package io.clickgive.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/** A matching hour as scheduled: from when to when each click of the campaign is worth rateTenths / 10 times more. */
@Entity
public class MatchingWindow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long campaignId;
    public Instant startsAt;
    public Instant endsAt;
    public short rateTenths;
    public String createdBy;
    public Instant createdAt;
    public Instant cancelledAt;
    public String cancelledBy;

    Matching rules() {
        return new Matching(id, startsAt, endsAt, rateTenths);
    }
}
