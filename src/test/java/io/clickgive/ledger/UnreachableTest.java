package io.clickgive.ledger;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pass that failed is retried from its own pending entries only when PostgreSQL was out of reach. */
class UnreachableTest {

    @Test
    void connectionShutdownAndResourceFailuresAreUnreachableDataErrorsAreNot() {
        assertTrue(LedgerWriter.unreachable(new IllegalStateException("Ledger insert failed",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))));
        assertTrue(LedgerWriter.unreachable(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(LedgerWriter.unreachable(new SQLException("too many connections", "53300")));
        assertTrue(LedgerWriter.unreachable(new RuntimeException(new SQLTransientConnectionException("pool exhausted"))));
        assertFalse(LedgerWriter.unreachable(new IllegalStateException("Ledger insert failed",
                new SQLException("insert violates foreign key constraint", "23503"))));
        assertFalse(LedgerWriter.unreachable(new IllegalStateException("no cause")));
    }
}
