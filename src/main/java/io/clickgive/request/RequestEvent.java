package io.clickgive.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One step of a request, appended and never changed: the audit trail. A later review names the one it corrects. */
@Entity
@Immutable
public class RequestEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long requestId;

    @Enumerated(EnumType.STRING)
    public RequestStep kind;

    public Integer approvedTablets;
    public Integer approvedGigabytes;
    public Integer bundles;
    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> report;

    public Long corrects;
    public String actor;
    public Instant at; // set by its service, from the clock

    static List<RequestEvent> of(long requestId) {
        return list("requestId = ?1 order by id", requestId);
    }

    static RequestEvent append(long requestId, RequestStep kind, String actor, Instant at) {
        RequestEvent event = new RequestEvent();
        event.at = at;
        event.requestId = requestId;
        event.kind = kind;
        event.actor = actor;
        return event;
    }
}
