package io.clickgive.site;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/** A roll-out phase of the village programme: its budget and how many installations it plans. */
@Entity
public class SitePhase extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public int number;
    public String name;
    public long budgetMad;
    public int plannedInstallations;
    public Instant createdAt; // set by its service, from the clock
}
