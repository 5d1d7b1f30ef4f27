package io.clickgive.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;

/** One step of a team: created, hidden (with the manager's reason), shown again. Append-only. */
@Entity
@Immutable
public class TeamEvent extends PanacheEntityBase {

    public enum Kind { CREATED, HIDDEN, SHOWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long teamId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;
    public String reason;
    public String actor;
    public Instant at;

    static void append(Team team, Kind kind, String reason, String actor, Instant at) {
        TeamEvent event = new TeamEvent();
        event.teamId = team.id;
        event.kind = kind;
        event.reason = reason;
        event.actor = actor;
        event.at = at;
        event.persist();
    }

    static List<TeamEvent> of(long teamId) {
        return list("teamId = ?1 order by id", teamId);
    }
}
