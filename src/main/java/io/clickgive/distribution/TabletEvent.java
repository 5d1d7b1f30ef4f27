package io.clickgive.distribution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One transition of a tablet: who, when, from, to, and what it was bound to. Append-only. */
@Entity
@Immutable
public class TabletEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long tabletId;

    @Enumerated(EnumType.STRING)
    public TabletStatus fromStatus;

    @Enumerated(EnumType.STRING)
    public TabletStatus toStatus;

    public Long bundleId;
    public Long distributorId;
    public Long beneficiaryId;
    public String detail;
    public String actor;
    public Instant at; // set by its service, from the clock
}
