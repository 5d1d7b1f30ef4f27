package io.clickgive.allocation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** Bundles of a campaign's pool reserved for one request by a committed plan. Append-only. */
@Entity
@Immutable
public class Allocation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long campaignId;
    public long requestId;
    public long beneficiaryId;
    public int bundleMegabytes;
    public int bundles;
    public long megabytes;
    /** The digest of the plan this allocation came from. */
    public String plan;
    public String actor;
    public Instant committedAt; // set by its service, from the clock
}
