package io.clickgive.allocation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;

/** One month's bundle of a site plan, issued to its device from the pool: valid for its month. Append-only. */
@Entity
@Immutable
public class SiteBundle extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long planId;
    public long campaignId;
    public long beneficiaryId;
    public long deviceId;
    public LocalDate month;
    public int megabytes;
    public LocalDate activatesOn;
    public LocalDate expiresOn;
    public String actor;
    public Instant committedAt;
}
