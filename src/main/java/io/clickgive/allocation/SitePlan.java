package io.clickgive.allocation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;
import java.time.LocalDate;

/** A site's monthly bundles from one campaign's pool: how much, to which device, from which month, for how many. */
@Entity
public class SitePlan extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long campaignId;
    public long beneficiaryId;
    public long deviceId;
    public int monthlyMegabytes;
    public LocalDate firstMonth;
    public int months;
    public Instant createdAt; // set by its service, from the clock
    public String createdBy;

    /** Whether the plan gives a bundle in the month that starts on {@code month}. */
    boolean covers(LocalDate month) {
        return !month.isBefore(firstMonth) && month.isBefore(firstMonth.plusMonths(months));
    }
}
