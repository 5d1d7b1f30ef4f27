package io.clickgive.site;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A device a site's data goes to: its router's SIM, by ICCID and number. Added through SiteDevices. */
@Entity
@Table(name = "device")
public class SiteDevice extends PanacheEntityBase {

    /** What kind of device: the only one a site has today is its router's SIM. */
    public enum Kind { ROUTER_SIM }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long beneficiaryId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;

    public String iccid;
    public String msisdn;
    public String label;
    public Instant addedAt; // set by its service, from the clock
    public String addedBy;
}
