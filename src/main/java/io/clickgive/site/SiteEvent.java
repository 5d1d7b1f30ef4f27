package io.clickgive.site;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One step of a site: who, when, from, to, and the facts of a survey or an installation. Append-only. */
@Entity
@Immutable
public class SiteEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long beneficiaryId;

    @Enumerated(EnumType.STRING)
    public SiteStatus fromStatus;

    @Enumerated(EnumType.STRING)
    public SiteStatus toStatus;

    public String partner;
    public LocalDate surveyedOn;
    public Boolean gridPower;
    public String findings;
    public String recommendedKit;
    public Long phaseId;
    public LocalDate installedOn;
    public String kit;
    public BigDecimal mastMeters;
    public Integer wifiRangeMeters;
    public Integer bandwidthMbps;
    public Long costMad;
    public String note;
    public String actor;
    public Instant at; // set by its service, from the clock
}
