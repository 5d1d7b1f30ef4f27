package io.clickgive.call;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/** A campaign's call for projects: who may apply, what they are asked, until when. Changed only through Calls. */
@Entity
public class ProjectCall extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long campaignId;
    public String title;

    /** Beneficiary kinds that may apply. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] kinds;

    /** Region codes that may apply; none: every region. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] regions;

    public int minPeople;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> questions;

    public Instant deadline;
    public Instant createdAt; // set by its service, from the clock
    public Instant updatedAt;
    public String updatedBy;
}
