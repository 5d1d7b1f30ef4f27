package io.clickgive.distribution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;
import java.time.LocalDate;

/** A device that carries one data bundle to one beneficiary. Its status changes only through TabletService. */
@Entity
public class Tablet extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String serial;
    public String imei;
    public String model;

    @Enumerated(EnumType.STRING)
    public TabletStatus status = TabletStatus.IN_STOCK;

    public Long bundleId;
    public Long distributorId;
    public Long beneficiaryId;
    public LocalDate deliveredOn;
    public String recipient;
    public String note;
    public Instant updatedAt; // set by its service, from the clock
}
