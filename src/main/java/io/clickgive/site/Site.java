package io.clickgive.site;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Where a connectivity site stands, and what was installed there. Changed only through SiteService. */
@Entity
public class Site extends PanacheEntityBase {

    @Id
    public Long beneficiaryId;

    @Enumerated(EnumType.STRING)
    public SiteStatus status;

    public boolean gridPower;
    public Long phaseId;
    public LocalDate installedOn;
    public String kit;
    public BigDecimal mastMeters;
    public Integer wifiRangeMeters;
    public Integer bandwidthMbps;
    public Long costMad;
    public Instant updatedAt; // set by its service, from the clock
}
