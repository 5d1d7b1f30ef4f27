package io.clickgive.call;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;

/** One step of an application: the status it reached, who, when, and what was said. Append-only. */
@Entity
@Immutable
public class ApplicationEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long applicationId;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;

    /** What the manager asks, why they declined, or the applicant's reply: the applicant sees all of it. */
    public String message;
    public String actor;
    public Instant at;

    static ApplicationEvent append(Application application, String message, String actor, Instant at) {
        ApplicationEvent event = new ApplicationEvent();
        event.applicationId = application.id;
        event.status = application.status;
        event.message = message;
        event.actor = actor;
        event.at = at;
        event.persist();
        return event;
    }

    static List<ApplicationEvent> of(long applicationId) {
        return list("applicationId = ?1 order by id", applicationId);
    }
}
