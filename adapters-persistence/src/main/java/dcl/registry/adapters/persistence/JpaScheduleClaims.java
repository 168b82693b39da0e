package dcl.registry.adapters.persistence;

import dcl.registry.domain.port.out.ScheduleClaims;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** Claims in PostgreSQL: the primary key lets exactly one insert per slot succeed. */
@DatabaseAdapter
class JpaScheduleClaims implements ScheduleClaims {
    @Resource(lookup = "jdbc/dcl")
    DataSource dataSource;

    @Override
    public boolean claim(String schedule, Instant slot, String node) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                "INSERT INTO schedule_claims (schedule, slot, node) VALUES (?, ?,"
                                        + " ?) ON CONFLICT DO NOTHING")) {
            s.setString(1, schedule);
            s.setTimestamp(2, Timestamp.from(slot));
            s.setString(3, node);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("claiming " + schedule + " at " + slot + " failed", e);
        }
    }
}
