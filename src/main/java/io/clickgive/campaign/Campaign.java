package io.clickgive.campaign;

import io.clickgive.guard.GuardSettings;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Optional;

/** One edition of the click-to-donate programme, with its window, conversion rate and goal. */
@Entity
public class Campaign extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String nameAr;

    public String nameFr;

    public String nameEn;

    @Enumerated(EnumType.STRING)
    public CampaignStatus status = CampaignStatus.DRAFT;

    public Instant opensAt;
    public Instant closesAt;
    public int megabytesPerClick;
    public int sessionSeconds;
    public int maxClicksPerSession;
    public long goalGigabytes;
    public int megabytesPerGigabyte;

    @JdbcTypeCode(SqlTypes.JSON)
    public GuardSettings guard = GuardSettings.DEFAULTS;
    public String sponsorName;
    public String sponsorLogo;
    public String sponsorLink;
    public Long purseMegabytes;
    public Instant createdAt; // set by its service, from the clock
    public Instant updatedAt; // set by its service, from the clock

    public static Optional<Campaign> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
