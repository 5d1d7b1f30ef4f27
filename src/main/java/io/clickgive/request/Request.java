package io.clickgive.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** What a beneficiary asked of a campaign. Never edited (a database trigger refuses it); its steps are RequestEvents. */
@Entity
@Immutable
public class Request extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long campaignId;
    public long beneficiaryId;
    public String purpose;
    public int people;
    public String place;
    public int tablets;
    public int gigabytes;
    public Instant submittedAt; // set by its service, from the clock
}
