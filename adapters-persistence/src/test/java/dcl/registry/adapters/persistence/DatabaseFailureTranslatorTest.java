package dcl.registry.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseFailureTranslatorTest {
    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("Exception [EclipseLink-4002]", cause);
    }

    @Test
    void givenTheDatabaseGoingAwayInAnyOfItsWays_whenJudged_thenItIsAConnectionFailure() {
        assertTrue(
                DatabaseFailureTranslator.isConnectionFailure(
                        wrapped(new SQLException("refused", "08001"))));
        assertTrue(
                DatabaseFailureTranslator.isConnectionFailure(
                        wrapped(new SQLException("I/O error", "08006"))));
        assertTrue(
                DatabaseFailureTranslator.isConnectionFailure(
                        wrapped(
                                new SQLException(
                                        "FATAL: terminating connection due to administrator"
                                                + " command",
                                        "57P01"))));
        assertTrue(
                DatabaseFailureTranslator.isConnectionFailure(
                        wrapped(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(
                DatabaseFailureTranslator.isConnectionFailure(
                        wrapped(new ConnectException("Connection refused"))));
    }

    @Test
    void givenAnErrorOfTheStatementItself_whenJudged_thenItIsNotAnOutage() {
        assertFalse(
                DatabaseFailureTranslator.isConnectionFailure(
                        wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(
                DatabaseFailureTranslator.isConnectionFailure(
                        wrapped(new SQLException("syntax error", "42601"))));
        assertFalse(
                DatabaseFailureTranslator.isConnectionFailure(new IllegalStateException("a bug")));
    }
}
