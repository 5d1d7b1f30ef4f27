package io.clickgive.common;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.util.List;

/**
 * Native queries whose rows are read by column name (the SQL's aliases), never by position: a column added or moved in
 * a query's SELECT cannot shift what the Java reads.
 */
public final class Rows {

    private Rows() {
    }

    /** The rows of a native query, parameters bound ?1, ?2, … in order. */
    @SuppressWarnings("unchecked")
    public static List<Tuple> list(String sql, Object... parameters) {
        return (List<Tuple>) query(sql, parameters).getResultList();
    }

    /** The one row of a native query. */
    public static Tuple single(String sql, Object... parameters) {
        return (Tuple) query(sql, parameters).getSingleResult();
    }

    public static long number(Tuple row, String column) {
        Object value = row.get(column);
        if (value == null) {
            throw new IllegalStateException("Column " + column + " is null");
        }
        return ((Number) value).longValue();
    }

    /** A timestamptz column, as whichever type the driver gave it. */
    public static java.time.Instant instant(Tuple row, String column) {
        Object value = row.get(column);
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Column " + column + " is not a time: " + value);
    }

    public static String text(Tuple row, String column) {
        return (String) row.get(column);
    }

    /** Runs a native INSERT, UPDATE or DELETE; answers the rows it changed. */
    public static int update(String sql, Object... parameters) {
        Query query = Panache.getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }

    private static Query query(String sql, Object... parameters) {
        Query query = Panache.getEntityManager().createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
